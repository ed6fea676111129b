//! Instruction counts of the hot paths, for comparing two commits without wall-clock noise:
//!
//! ```sh
//! cargo build --release --example callgrind_calls
//! valgrind --tool=callgrind --callgrind-out-file=/dev/null \
//!     target/release/examples/callgrind_calls form   # 2,000 classifications of the 30-field form
//! valgrind --tool=callgrind --callgrind-out-file=/dev/null \
//!     target/release/examples/callgrind_calls text   # 200 findPersonalData calls on 10 kB
//! ```
//!
//! The "Collected" total includes building the lexicon tries once. Build the same file at
//! the other commit and compare totals (the README's speed section quotes such pairs).

use minform::classify::{classify_fields, fields_from_json, find_personal_data, ClassifyOptions};
const FORM: &str = include_str!("../benches/fixtures/form30.json");
const TEXT: &str = include_str!("../benches/fixtures/text10k.txt");
fn main() {
    let which = std::env::args().nth(1).unwrap_or_default();
    let fields = fields_from_json(FORM, "fields").unwrap();
    let options = ClassifyOptions::default();
    // Warm up: builds the tries once.
    classify_fields(&fields, &options).unwrap();
    find_personal_data("x");
    let mut n = 0;
    if which == "form" {
        for _ in 0..2000 {
            n += classify_fields(std::hint::black_box(&fields), &options)
                .unwrap()
                .len();
        }
    } else if which == "text" {
        for _ in 0..200 {
            n += find_personal_data(std::hint::black_box(TEXT)).len();
        }
    }
    println!("{n}");
}
