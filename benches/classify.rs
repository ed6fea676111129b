//! Criterion benchmarks of the classifier core (native). The same fixtures are measured
//! through the npm package by `benches/node/classify.mjs` (`scripts/bench`).
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

    criterion_group!(benches, classify);
}

#[cfg(not(target_arch = "wasm32"))]
criterion::criterion_main!(native::benches);

#[cfg(target_arch = "wasm32")]
fn main() {}
