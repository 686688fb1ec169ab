//! Nothing on the lookup paths allocates: a counting global allocator wraps each of them.
//!
//! A global allocator is per binary, so this file is its own test target. Allocations are
//! counted per thread, so the test harness's own threads cannot disturb the count.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::fmt::Write as _;
use std::hint::black_box;
use std::str::FromStr;

mod shipped {
    status_core::status_codes!("../codes.toml");
}

mod chinese {
    status_core::status_codes!("chinese.toml");
}

use chinese::{Locale, StatusCode};

thread_local! {
    // `const` and without a destructor: reading it from inside the allocator never allocates.
    static ALLOCATIONS: Cell<usize> = const { Cell::new(0) };
}

struct Counting;

fn count() {
    let _ = ALLOCATIONS.try_with(|count| count.set(count.get() + 1));
}

// The workspace denies `unsafe_code`, and implementing `GlobalAlloc` requires it. This impl
// only counts, then hands every call unchanged to the system allocator.
#[allow(unsafe_code)]
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        count();
        // SAFETY: forwarded as received; the caller upholds `GlobalAlloc::alloc`'s contract.
        unsafe { System.alloc(layout) }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        count();
        // SAFETY: as for `alloc`.
        unsafe { System.alloc_zeroed(layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        count();
        // SAFETY: `ptr` and `layout` came from this allocator, which is `System` underneath.
        unsafe { System.realloc(ptr, layout, new_size) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: `ptr` and `layout` came from this allocator, which is `System` underneath.
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// Runs `f` and returns how many allocations it made on this thread.
fn allocations(f: impl FnOnce()) -> usize {
    let before = ALLOCATIONS.with(Cell::get);
    f();
    ALLOCATIONS.with(Cell::get) - before
}

#[test]
fn the_counter_sees_allocations() {
    assert_eq!(allocations(|| drop(black_box(vec![1u8; 16]))), 1);
    assert_eq!(allocations(|| drop(black_box(String::from("x")))), 1);
    assert_eq!(allocations(|| drop(black_box(format!("{}", 404)))), 1);
}

#[test]
fn messages_and_conversions_do_not_allocate() {
    let made = allocations(|| {
        for code in StatusCode::ALL {
            for locale in Locale::ALL {
                black_box(code.message(black_box(locale)));
                black_box(code.scenario(black_box(locale)));
            }
        }
        for number in 0..=u16::MAX {
            black_box(StatusCode::from_u16(black_box(number)));
            black_box(shipped::StatusCode::from_u16(black_box(number)));
        }
        for text in [
            "zh-TW",
            "zh_hk",
            "JA",
            "en",
            "fr",
            "",
            "zh-TW-x-long-tag",
            "中文",
        ] {
            black_box(Locale::from_str(black_box(text)).ok());
            black_box(shipped::Locale::from_str(black_box(text)).ok());
        }
        for text in ["404", "not found", "Service Unavailable", "nope", "4040"] {
            black_box(StatusCode::from_str(black_box(text)).ok());
        }
    });
    assert_eq!(made, 0);
}

#[test]
fn negotiation_does_not_allocate() {
    let headers = [
        "zh-TW,zh;q=0.9,en-US;q=0.8,en;q=0.7".to_string(),
        "zh-CN,zh;q=0.8,zh-TW;q=0.7,zh-HK;q=0.5,en-US;q=0.3,en;q=0.2".to_string(),
        "en-GB,en;q=0.5".to_string(),
        "ja-JP".to_string(),
        "zh-MO, *;q=0.1".to_string(),
        "q=abc,,;;中文".to_string(),
        ",".repeat(10 * 1024),
        "xx-YY;q=0.1, ".repeat(800) + "zh-Hant",
    ];
    let mut chosen = Vec::with_capacity(headers.len() * 2);
    let made = allocations(|| {
        for header in &headers {
            chosen.push(Locale::negotiate(black_box(header)).tag());
            chosen.push(shipped::Locale::negotiate(black_box(header)).tag());
        }
    });
    assert_eq!(made, 0);
    assert_eq!(
        chosen,
        [
            "zh-TW", "zh-CN", "zh-CN", "zh-CN", "en", "en", "ja", "en", "zh-HK", "zh-CN", "en",
            // The last header's `zh-Hant` comes after `MAX_RANGES` elements: not read.
            "en", "en", "en", "en", "en",
        ]
    );
}

#[test]
fn formatting_into_a_reused_buffer_does_not_allocate() {
    let mut buffer = String::with_capacity(64 * 1024);
    let made = allocations(|| {
        for _ in 0..3 {
            buffer.clear();
            for code in StatusCode::ALL {
                for locale in Locale::ALL {
                    write!(buffer, "{code}: {}|", code.localized(locale)).unwrap();
                    write!(buffer, "[{:>40}]", code.localized(locale)).unwrap();
                }
            }
        }
    });
    assert_eq!(made, 0);
    assert!(buffer.contains("404 Not Found: 找不到網頁。|"), "{buffer}");
}

#[test]
fn the_current_locale_does_not_allocate() {
    // This thread's scope is set up once outside the count; the first touch of a `const`
    // thread-local does not allocate either, which the count below covers on a fresh thread.
    let made = std::thread::spawn(|| {
        allocations(|| {
            black_box(Locale::current());
            Locale::with_current(Locale::ZhHk, || {
                black_box(StatusCode::NotFound.message_current());
                assert_eq!(Locale::current(), Locale::ZhHk);
            });
            Locale::set_current(Locale::DEFAULT);
            black_box(StatusCode::Ok.message_current());
        })
    })
    .join()
    .unwrap();
    assert_eq!(made, 0);
}

#[test]
fn reading_every_accept_language_line_and_building_a_problem_do_not_allocate() {
    use axum::http::{HeaderMap, HeaderValue, header::ACCEPT_LANGUAGE};
    let mut headers = HeaderMap::new();
    for line in ["fr", "de;q=0.5", "zh-HK;q=0.4"] {
        headers.append(ACCEPT_LANGUAGE, HeaderValue::from_static(line));
    }
    let mut chosen = None;
    let made = allocations(|| {
        // What the extractor and both layers call for each request.
        let locale =
            status_core::__private::negotiate_headers(black_box(&headers), Locale::negotiate_bytes);
        for code in StatusCode::ALL {
            black_box(code.message_locale(black_box(locale)));
            black_box(code.problem(black_box(locale)));
        }
        chosen = Some(locale);
    });
    assert_eq!(made, 0);
    assert_eq!(chosen, Some(Locale::ZhHk));
}
