//! Criterion benchmarks of the core (native): the classifier and the minimizer. The same
//! fixtures are measured through the npm package by `benches/node/*.mjs` (`scripts/bench`).
#[cfg(not(target_arch = "wasm32"))]
mod native {
    use criterion::{criterion_group, Criterion, Throughput};
    use minform::classify::{
        classify_fields, classify_flat_each, classify_json_each, fields_from_json,
        find_personal_data, ClassifyOptions, FLAT_SEPARATOR,
    };
    use std::hint::black_box;

    const FORM: &str = include_str!("fixtures/form30.json");
    const TEXT: &str = include_str!("fixtures/text10k.txt");

    fn classify(c: &mut Criterion) {
        let fields = fields_from_json(FORM, "fields").unwrap();
        let options = ClassifyOptions::default();
        let mut group = c.benchmark_group("classify");
        group.throughput(Throughput::Elements(fields.len() as u64));
        group.bench_function("form_30_fields", |b| {
            b.iter(|| classify_fields(black_box(&fields), &options).unwrap())
        });
        // The flat encoding the npm package builds for plain forms (see pkg/src/api.js).
        let flat: String = fields
            .iter()
            .flat_map(|f| {
                let meta = [&f.label, &f.autocomplete, &f.input_type, &f.placeholder]
                    .map(|m| m.clone().unwrap_or_default());
                std::iter::once(f.name.clone())
                    .chain(meta)
                    .chain(std::iter::once(f.values.len().to_string()))
                    .chain(f.values.iter().cloned())
            })
            .collect::<Vec<_>>()
            .join(&FLAT_SEPARATOR.to_string());
        group.bench_function("form_30_fields_flat_as_the_npm_package_does", |b| {
            b.iter(|| {
                let mut reasons = 0;
                classify_flat_each(black_box(&flat), &options, |_, d| {
                    reasons += d.reasons.len()
                })
                .unwrap();
                reasons
            })
        });
        group.bench_function("form_30_fields_json_as_the_npm_package_does", |b| {
            b.iter(|| {
                let mut reasons = 0;
                classify_json_each(black_box(FORM), "fields", &options, |_, d| {
                    reasons += d.reasons.len()
                })
                .unwrap();
                reasons
            })
        });
        group.bench_function("form_30_fields_from_json", |b| {
            b.iter(|| {
                classify_fields(
                    &fields_from_json(black_box(FORM), "fields").unwrap(),
                    &options,
                )
                .unwrap()
            })
        });
        group.finish();

        let mut group = c.benchmark_group("find_personal_data");
        group.throughput(Throughput::Bytes(TEXT.len() as u64));
        group.bench_function("text_10kB", |b| {
            b.iter(|| find_personal_data(black_box(TEXT)))
        });
        group.finish();
    }

    /// `minimize` of the form's values under the bench policy, as the package calls it (flat).
    fn minimize(c: &mut Criterion) {
        use minform::minimize::{CivilDate, Consents, FlatRecord, MinimizeOptions, Minimizer};
        use minform::policy::Policy;
        let fields = fields_from_json(FORM, "fields").unwrap();
        let flat: String = fields
            .iter()
            .filter(|f| !f.values.is_empty())
            .flat_map(|f| {
                [f.name.clone(), f.values.len().to_string()]
                    .into_iter()
                    .chain(f.values.iter().cloned())
            })
            .collect::<Vec<_>>()
            .join(&FLAT_SEPARATOR.to_string());
        let policy = Policy::from_json(include_str!("fixtures/bench-policy.json")).unwrap();
        let minimizer = Minimizer::new(policy, &[7; 32]).unwrap();
        let options = MinimizeOptions {
            subject_age: Some(11.0),
            consents: Some(Consents {
                purposes: vec!["enrolment".into(), "safety".into()],
                sensitive_categories: ["national_id", "health", "precise_location"]
                    .map(String::from)
                    .to_vec(),
                guardian_verified: true,
            }),
            today: CivilDate {
                year: 2026,
                month: 11,
                day: 28,
            },
            subject_child: None,
        };
        let mut group = c.benchmark_group("minimize");
        let n = FlatRecord::parse(&flat).unwrap().len();
        group.throughput(Throughput::Elements(n as u64));
        group.bench_function("record_29_fields_flat_as_the_npm_package_does", |b| {
            b.iter(|| {
                let record = FlatRecord::parse(black_box(&flat)).unwrap();
                let mut sent = 0;
                minimizer
                    .minimize_each(record.fields(), &options, |_, _, values, _| {
                        sent += values.len()
                    })
                    .unwrap();
                sent
            })
        });
        group.finish();
    }

    criterion_group!(benches, classify, minimize);
}

#[cfg(not(target_arch = "wasm32"))]
criterion::criterion_main!(native::benches);

#[cfg(target_arch = "wasm32")]
fn main() {}
