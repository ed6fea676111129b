use minform::classify::*;
use minform::lexicon::{lexicon, Source};
use std::time::Instant;
fn main() {
    let form = std::fs::read_to_string("benches/fixtures/form30.json").unwrap();
    let fields = fields_from_json(&form, "f").unwrap();
    let n = 5000u32;
    let t = Instant::now();
    for _ in 0..n {
        for f in &fields {
            std::hint::black_box(lexicon().find(&f.name, Source::Name));
            if let Some(l) = &f.label {
                std::hint::black_box(lexicon().find(l, Source::Label));
            }
        }
    }
    println!("lexicon per field: {:?}", t.elapsed() / (n * 30));
    let t = Instant::now();
    for _ in 0..n {
        for f in &fields {
            for v in &f.values {
                std::hint::black_box(minform::detect::detect_value(v));
            }
        }
    }
    println!("detect_value per field: {:?}", t.elapsed() / (n * 30));
    let t = Instant::now();
    for _ in 0..n {
        std::hint::black_box(classify_fields(&fields, &ClassifyOptions::default()).unwrap());
    }
    println!("classify per field: {:?}", t.elapsed() / (n * 30));
    let t = Instant::now();
    for _ in 0..n {
        std::hint::black_box(
            serde_json::to_string(
                &classify_fields(
                    &fields_from_json(&form, "f").unwrap(),
                    &ClassifyOptions::default(),
                )
                .unwrap(),
            )
            .unwrap(),
        );
    }
    println!(
        "json in+classify+json out per field: {:?}",
        t.elapsed() / (n * 30)
    );
}
