//! The current locale follows async tasks: `Locale::scope` on a multi-threaded runtime, where
//! tasks move between worker threads at every `.await`. And the overrides of two tables, which
//! share one thread-local in status-core, stay apart.
//!
//! Nothing in this file calls `Locale::set_current`: the tests run in parallel in one process
//! and the process-wide locale would leak between them.

// A panic is a failing test here.
#![allow(clippy::unwrap_used)]

use std::time::Duration;

mod chinese {
    status_core::status_codes!("chinese.toml");
}

mod vendor {
    status_core::status_codes!("vendor.toml");
}

use chinese::{Locale, StatusCode};

/// What a handler deep in a service reads, with no locale passed to it.
fn texts_now() -> (Locale, &'static str) {
    (Locale::current(), StatusCode::NotFound.message_current())
}

/// A task that reads the current locale between many suspensions, some short, some that
/// let other tasks run on this thread, and reports every reading.
async fn request(step_delay: u64) -> Vec<(Locale, &'static str)> {
    let mut seen = vec![texts_now()];
    for step in 0..20 {
        if step % 3 == 0 {
            tokio::time::sleep(Duration::from_micros(step_delay)).await;
        } else {
            tokio::task::yield_now().await;
        }
        seen.push(texts_now());
    }
    seen
}

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(4)
        .enable_time()
        .build()
        .unwrap()
}

#[test]
fn concurrent_tasks_each_keep_their_own_locale_across_awaits_and_threads() {
    let runtime = runtime();
    let threads_seen = runtime.block_on(async {
        let mut tasks = Vec::new();
        for index in 0..400usize {
            // Every fifth task runs unscoped: it must see the default throughout.
            let locale = Locale::ALL[index % Locale::ALL.len()];
            let scoped = index % 5 != 4;
            let delay = (index % 7) as u64 * 50;
            tasks.push(tokio::spawn(async move {
                let mut threads = Vec::new();
                let seen = if scoped {
                    Locale::scope(locale, async {
                        threads.push(std::thread::current().id());
                        let seen = request(delay).await;
                        threads.push(std::thread::current().id());
                        seen
                    })
                    .await
                } else {
                    request(delay).await
                };
                (scoped, locale, seen, threads)
            }));
        }
        let mut threads_seen = std::collections::HashSet::new();
        for task in tasks {
            let (scoped, locale, seen, threads) = task.await.unwrap();
            let expected = if scoped { locale } else { Locale::DEFAULT };
            assert_eq!(seen.len(), 21);
            for (current, message) in seen {
                assert_eq!(current, expected);
                assert_eq!(message, StatusCode::NotFound.message(expected));
            }
            threads_seen.extend(threads);
        }
        threads_seen
    });
    // The scenario is only worth something if tasks really ran on several workers.
    assert!(threads_seen.len() > 1, "{threads_seen:?}");
}

#[test]
fn a_scope_leaves_nothing_behind_on_the_thread_that_polled_it() {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_time()
        .build()
        .unwrap();
    runtime.block_on(async {
        let inner = Locale::scope(Locale::Ja, async {
            tokio::task::yield_now().await;
            Locale::current()
        });
        assert_eq!(inner.locale(), Locale::Ja);
        assert_eq!(inner.await, Locale::Ja);
        // Between and after polls, this task sees no override.
        assert_eq!(Locale::current(), Locale::DEFAULT);
    });
}

#[test]
fn scopes_nest_and_the_synchronous_scope_works_inside_a_task() {
    let runtime = runtime();
    runtime.block_on(async {
        Locale::scope(Locale::ZhTw, async {
            assert_eq!(Locale::current(), Locale::ZhTw);
            let inner = Locale::scope(Locale::ZhHk, async {
                tokio::task::yield_now().await;
                Locale::with_current(Locale::Ja, Locale::current)
            });
            assert_eq!(inner.await, Locale::Ja);
            assert_eq!(Locale::current(), Locale::ZhTw);
            tokio::task::yield_now().await;
            assert_eq!(Locale::current(), Locale::ZhTw);
        })
        .await;
        assert_eq!(Locale::current(), Locale::DEFAULT);
    });
}

#[test]
fn a_spawned_task_does_not_inherit_the_scope() {
    let runtime = runtime();
    runtime.block_on(Locale::scope(Locale::ZhCn, async {
        let spawned = tokio::spawn(async { Locale::current() });
        assert_eq!(spawned.await.unwrap(), Locale::DEFAULT);
        let wrapped = tokio::spawn(Locale::scope(Locale::current(), async {
            Locale::current()
        }));
        assert_eq!(wrapped.await.unwrap(), Locale::ZhCn);
    }));
}

#[test]
fn a_panic_inside_a_poll_restores_the_previous_locale() {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap();
    runtime.block_on(async {
        let task = tokio::spawn(Locale::scope(Locale::Ja, async {
            tokio::task::yield_now().await;
            panic!("handler failed");
        }));
        assert!(task.await.unwrap_err().is_panic());
        assert_eq!(Locale::current(), Locale::DEFAULT);
    });
    Locale::with_current(Locale::ZhTw, || {
        let caught = std::panic::catch_unwind(|| {
            Locale::with_current(Locale::Ja, || panic!("inner scope failed"))
        });
        assert!(caught.is_err());
        assert_eq!(Locale::current(), Locale::ZhTw);
    });
}

/// What both tables' `current` return here.
fn both_now() -> (Locale, vendor::Locale) {
    (Locale::current(), vendor::Locale::current())
}

#[test]
fn two_tables_nested_in_each_other_each_see_their_own_override() {
    let seen = Locale::with_current(Locale::ZhTw, || {
        let outer = both_now();
        let (middle, inner, back) = vendor::Locale::with_current(vendor::Locale::Ja, || {
            let middle = both_now();
            let inner = Locale::with_current(Locale::ZhHk, || {
                (both_now(), StatusCode::NotFound.message_current())
            });
            (middle, inner, both_now())
        });
        (outer, middle, inner, back, both_now())
    });
    assert_eq!(seen.0, (Locale::ZhTw, vendor::Locale::DEFAULT));
    assert_eq!(seen.1, (Locale::ZhTw, vendor::Locale::Ja));
    assert_eq!(seen.2.0, (Locale::ZhHk, vendor::Locale::Ja));
    assert_eq!(seen.2.1, StatusCode::NotFound.message(Locale::ZhHk));
    assert_eq!(seen.3, (Locale::ZhTw, vendor::Locale::Ja));
    assert_eq!(seen.4, (Locale::ZhTw, vendor::Locale::DEFAULT));
    assert_eq!(both_now(), (Locale::DEFAULT, vendor::Locale::DEFAULT));
}

#[test]
fn a_panic_in_nested_scopes_of_two_tables_restores_both() {
    vendor::Locale::with_current(vendor::Locale::ZhCn, || {
        Locale::with_current(Locale::Ja, || {
            let caught = std::panic::catch_unwind(|| {
                Locale::with_current(Locale::ZhCn, || {
                    vendor::Locale::with_current(vendor::Locale::Ja, || panic!("handler failed"))
                })
            });
            assert!(caught.is_err());
            assert_eq!(both_now(), (Locale::Ja, vendor::Locale::ZhCn));
        });
        assert_eq!(both_now(), (Locale::DEFAULT, vendor::Locale::ZhCn));
    });
    assert_eq!(both_now(), (Locale::DEFAULT, vendor::Locale::DEFAULT));
}

/// Pending at its first poll, ready at the next.
async fn suspend_once() {
    let mut suspended = false;
    std::future::poll_fn(|_| {
        if std::mem::replace(&mut suspended, true) {
            std::task::Poll::Ready(())
        } else {
            std::task::Poll::Pending
        }
    })
    .await;
}

/// What both tables' `current` return before and after one suspension.
async fn both_across_a_suspension() -> [(Locale, vendor::Locale); 2] {
    let before = both_now();
    suspend_once().await;
    [before, both_now()]
}

#[test]
fn scopes_of_two_tables_polled_in_turn_on_one_thread_each_see_their_own() {
    use std::task::{Context, Poll, Waker};
    let mut cx = Context::from_waker(Waker::noop());
    let mut first = std::pin::pin!(Locale::scope(Locale::ZhCn, both_across_a_suspension()));
    let mut second = std::pin::pin!(vendor::Locale::scope(
        vendor::Locale::Ja,
        both_across_a_suspension()
    ));
    let unscoped = (Locale::DEFAULT, vendor::Locale::DEFAULT);
    assert!(first.as_mut().poll(&mut cx).is_pending());
    assert_eq!(both_now(), unscoped);
    assert!(second.as_mut().poll(&mut cx).is_pending());
    assert_eq!(both_now(), unscoped);
    let Poll::Ready(first_seen) = first.as_mut().poll(&mut cx) else {
        panic!("the first scope suspends once only");
    };
    assert_eq!(both_now(), unscoped);
    let Poll::Ready(second_seen) = second.as_mut().poll(&mut cx) else {
        panic!("the second scope suspends once only");
    };
    assert_eq!(both_now(), unscoped);
    assert_eq!(first_seen, [(Locale::ZhCn, vendor::Locale::DEFAULT); 2]);
    assert_eq!(second_seen, [(Locale::DEFAULT, vendor::Locale::Ja); 2]);
}

#[test]
fn an_override_is_not_seen_on_another_thread() {
    Locale::with_current(Locale::ZhHk, || {
        vendor::Locale::with_current(vendor::Locale::ZhCn, || {
            let elsewhere = std::thread::spawn(|| {
                let unscoped = both_now();
                let scoped = Locale::with_current(Locale::Ja, both_now);
                (unscoped, scoped)
            })
            .join()
            .unwrap();
            assert_eq!(elsewhere.0, (Locale::DEFAULT, vendor::Locale::DEFAULT));
            assert_eq!(elsewhere.1, (Locale::Ja, vendor::Locale::DEFAULT));
            assert_eq!(both_now(), (Locale::ZhHk, vendor::Locale::ZhCn));
        });
    });
}
