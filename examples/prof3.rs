use minform::classify::*;
fn main() {
    let form = std::fs::read_to_string("benches/fixtures/form30.json").unwrap();
    let fields = fields_from_json(&form, "f").unwrap();
    for _ in 0..300 {
        std::hint::black_box(classify_fields(&fields, &ClassifyOptions::default()).unwrap());
    }
}
