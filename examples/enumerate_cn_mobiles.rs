//! How private is a keyed pseudonym of a phone number from someone who holds the key?
//!
//! The threat model in the README says: exactly as private as the key. This measures it: with
//! minform's own `Pseudonymizer` (keyed BLAKE3, hex output), it recovers a mainland mobile number
//! from its pseudonym by trying every number of its 3-digit prefix on all cores, then
//! estimates from the measured rate how long every allocated mainland mobile number would take.
//!
//! `cargo run --release --example enumerate_cn_mobiles [number]` (default 13912345678)

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::Instant;

use minform::Pseudonymizer;

/// Mainland mobile prefixes in use (MIIT numbering plan: 13x, 14x, 15x, 16x, 17x, 18x, 19x
/// segments as allocated to operators and IoT), each 10^8 numbers.
const PREFIXES: &[u16] = &[
    130, 131, 132, 133, 134, 135, 136, 137, 138, 139, 145, 146, 147, 148, 149, 150, 151, 152, 153,
    155, 156, 157, 158, 159, 162, 165, 166, 167, 170, 171, 172, 173, 175, 176, 177, 178, 180, 181,
    182, 183, 184, 185, 186, 187, 188, 189, 190, 191, 192, 193, 195, 196, 197, 198, 199,
];

fn main() {
    let target = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "13912345678".into());
    assert!(
        target.len() == 11 && target.bytes().all(|b| b.is_ascii_digit()),
        "an 11-digit mainland mobile number"
    );
    // Any key: the attacker is assumed to hold it (the integrator's own, leaked or an insider).
    let key = [0x5a_u8; 32];
    let context = "signup-2026";
    let p = Pseudonymizer::new(&key, context).expect("a 32-byte key");
    let wanted = p.pseudonymize(&target);
    let prefix: u64 = target[..3].parse().unwrap();

    let threads = std::thread::available_parallelism().map_or(1, |n| n.get()) as u64;
    let found = AtomicBool::new(false);
    let tried = AtomicU64::new(0);
    let answer = std::sync::Mutex::new(None);
    let start = Instant::now();
    std::thread::scope(|s| {
        for t in 0..threads {
            let (p, wanted, found, tried, answer) = (&p, &wanted, &found, &tried, &answer);
            s.spawn(move || {
                let mut buf = [0u8; 11];
                let mut n = t;
                let mut local = 0u64;
                while n < 100_000_000 && !found.load(Ordering::Relaxed) {
                    let number = prefix * 100_000_000 + n;
                    let mut x = number;
                    for d in buf.iter_mut().rev() {
                        *d = b'0' + (x % 10) as u8;
                        x /= 10;
                    }
                    let candidate = std::str::from_utf8(&buf).unwrap();
                    local += 1;
                    if p.pseudonymize(candidate) == *wanted {
                        found.store(true, Ordering::Relaxed);
                        *answer.lock().unwrap() = Some(candidate.to_owned());
                    }
                    n += threads;
                }
                tried.fetch_add(local, Ordering::Relaxed);
            });
        }
    });
    let elapsed = start.elapsed().as_secs_f64();
    let tried = tried.load(Ordering::Relaxed);
    let rate = tried as f64 / elapsed;
    let all = PREFIXES.len() as f64 * 1e8;
    println!(
        "recovered {:?} from its pseudonym in {elapsed:.1} s ({:.1} million candidates of prefix {prefix}, {threads} threads)",
        answer.lock().unwrap().as_deref().unwrap_or("nothing"),
        tried as f64 / 1e6
    );
    println!(
        "rate: {:.1} million pseudonyms/s; all {:.1} x 10^9 allocated mainland mobile numbers ({} prefixes): about {:.1} minutes (estimated from that rate)",
        rate / 1e6,
        all / 1e9,
        PREFIXES.len(),
        all / rate / 60.0
    );
}
