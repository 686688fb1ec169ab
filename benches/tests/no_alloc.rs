//! The operations the benchmarks time allocate nothing: a counting global allocator watches
//! them over every code and locale of the shipped table, unknown codes included.

// A global allocator is an `unsafe impl` by definition; it only forwards to `System`.
#![allow(unsafe_code)]

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::fmt::Write as _;
use std::hint::black_box;

mod shipped {
    status_core::status_codes!("../codes.toml");
}

use shipped::{Locale, StatusCode};

struct Counting;

thread_local! {
    // Per thread, so the test harness's own threads cannot disturb the count.
    static ALLOCATIONS: Cell<usize> = const { Cell::new(0) };
}

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCATIONS.with(|count| count.set(count.get() + 1));
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        ALLOCATIONS.with(|count| count.set(count.get() + 1));
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

fn allocations_during(run: impl FnOnce()) -> usize {
    let before = ALLOCATIONS.with(Cell::get);
    run();
    ALLOCATIONS.with(Cell::get) - before
}

#[test]
fn the_counter_sees_an_allocation() {
    assert_eq!(allocations_during(|| drop(black_box(vec![1u8; 16]))), 1);
}

#[test]
fn lookups_parsing_and_display_allocate_nothing() {
    let known: Vec<u16> = StatusCode::ALL.iter().map(|code| code.code()).collect();
    let lookups = status_bench::lookups(&known, Locale::ALL.len());
    let numbers: Vec<String> = lookups.iter().map(|l| l.code.to_string()).collect();
    let names: Vec<String> = StatusCode::ALL
        .iter()
        .map(|code| code.reason().to_ascii_uppercase())
        .collect();
    let mut line = String::with_capacity(64);
    let mut found = 0;

    let count = allocations_during(|| {
        for l in &lookups {
            let locale = Locale::ALL[l.locale];
            if let Some(code) = black_box(StatusCode::from_u16(l.code)) {
                black_box(code.message(locale));
                black_box(code.reason());
                line.clear();
                write!(line, "{code}").unwrap();
                black_box(&line);
                found += 1;
            }
        }
        for text in numbers.iter().chain(&names) {
            let _ = black_box(text.parse::<StatusCode>());
        }
    });
    assert_eq!(count, 0);
    // The loop did the work: every known code in every locale was found and printed.
    assert_eq!(found, StatusCode::ALL.len() * Locale::ALL.len());
    assert!(
        line.starts_with(|c: char| c.is_ascii_digit()) && line.len() > 4,
        "{line}"
    );
}
