use minform::classify::*;
use minform::detect::*;
use std::time::Instant;
fn main() {
    let form = std::fs::read_to_string("benches/fixtures/form30.json").unwrap();
    let fields = fields_from_json(&form, "f").unwrap();
    let vals: Vec<&str> = fields
        .iter()
        .flat_map(|f| f.values.iter().map(|s| s.as_str()))
        .collect();
    let n = 5000u32;
    let ds: [(&str, fn(&str, &mut Vec<Detection>)); 13] = [
        ("resident", resident_id::detect),
        ("travel", travel_doc::detect),
        ("phone", phone::detect),
        ("email", email::detect),
        ("card", card::detect),
        ("iban", iban::detect),
        ("uscc", uscc::detect),
        ("network", network::detect),
        ("geo", geo::detect),
        ("date", date::detect),
        ("device", device::detect),
        ("postal", postal::detect),
        ("lexical", lexical::detect),
    ];
    for (name, f) in ds {
        let t = Instant::now();
        let mut out = Vec::new();
        for _ in 0..n {
            for v in &vals {
                out.clear();
                f(v, &mut out);
                std::hint::black_box(&out);
            }
        }
        println!("{name:10} {:?}", t.elapsed() / (n * vals.len() as u32));
    }
}
