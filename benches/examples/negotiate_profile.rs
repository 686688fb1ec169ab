//! `Locale::negotiate`'s work on the negotiation bench's corpus, for a profiler rather than a
//! clock: each header of `tests/matching/headers.txt` negotiated against one table of
//! `status_bench::negotiation::TABLES` (0, 1 or 2: 2, 21 or 43 locales), as many rounds as
//! asked. Under callgrind the instruction count of the negotiation alone is repeatable on a
//! busy machine:
//!
//! ```sh
//! cargo build --release -p status-bench --example negotiate_profile
//! valgrind --tool=callgrind --toggle-collect='*negotiate_bytes*' \
//!     target/release/examples/negotiate_profile 2 10
//! ```
//!
//! The comparison with other negotiators is the criterion bench's (`benches/negotiation.rs`).

use status_bench::negotiation::{TABLES, corpus};

fn main() {
    let mut arguments = std::env::args().skip(1);
    let table = arguments
        .next()
        .and_then(|table| table.parse::<usize>().ok());
    let rounds = arguments
        .next()
        .map_or(Some(10), |rounds| rounds.parse().ok());
    let (Some((_, tags)), Some(rounds)) = (table.and_then(|table| TABLES.get(table)), rounds)
    else {
        eprintln!("usage: negotiate_profile TABLE(0, 1 or 2) [ROUNDS]");
        std::process::exit(2);
    };
    let headers = corpus();
    let answers = status_locale::data::rules_for(tags, |rules| {
        let mut answers = 0;
        for _ in 0..rounds {
            for header in std::hint::black_box(&headers) {
                answers += status_core::locale::negotiate(header, tags, rules);
            }
        }
        answers
    });
    // Printed, so that no answer is optimized away.
    println!("{answers}");
}
