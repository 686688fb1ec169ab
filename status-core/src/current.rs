//! The current locale of a generated table: one process-wide value, a per-thread override for
//! a synchronous scope, and a future wrapper that carries the override across an async task.
//!
//! The logic is the same for every table, so it lives here once; each generated `Locale` owns
//! a [`CurrentLocale`] static (its process-wide atomic) and forwards to it. The per-thread
//! overrides of every table share one thread-local, `INNERMOST`: a chain of `Frame`s, one
//! per running `with` scope, each on the stack of the call that made it and naming its table
//! by the address of that table's `CurrentLocale`. A table's override is the innermost frame
//! naming it; the chain is as long as the scopes are deep, which is one or two in practice.

use core::cell::Cell;
use core::fmt;
use core::future::Future;
use core::pin::Pin;
use core::ptr;
use core::sync::atomic::{AtomicUsize, Ordering};
use core::task::{Context, Poll};

/// One running `with` scope: which table it overrides, with which locale, and the scope it
/// hides. Lives on the stack of [`CurrentLocale::with`], which links it into `INNERMOST` for
/// the time `f` runs and unlinks it (through `Unlink`) before returning or unwinding.
struct Frame {
    /// The address of the overridden table's `CurrentLocale`. A `CurrentLocale` is never
    /// zero-sized and holds no other, so two alive at once have different addresses, and one
    /// is alive while a frame names it: `with` borrows it for as long as the frame is linked.
    table: *const (),
    /// The overriding locale, as an index into that table's `all`.
    index: usize,
    /// The frame that was innermost when this one was linked, or null.
    outer: *const Frame,
}

std::thread_local! {
    /// The innermost linked `Frame` of this thread, or null. `const`-initialised and without
    /// a destructor, so reading it neither allocates nor registers anything.
    static INNERMOST: Cell<*const Frame> = const { Cell::new(ptr::null()) };
}

/// Unlinks a frame when its scope ends, by return or by unwinding: puts back the frame that
/// was innermost before it. Private, made only in `with` after the frame it unlinks and so
/// dropped before it, never leaked or moved out.
///
/// Scopes on one thread end in the reverse order of their start, unless something switches
/// stacks under them (a stackful coroutine suspended inside `with_current` while its thread
/// runs other scopes). A frame that is not the innermost when its scope ends has been left
/// by that order, and the frames it would put back may be gone: every override of the thread
/// is then dropped, which shows the process-wide locale but never reads a dead frame.
struct Unlink {
    frame: *const Frame,
    outer: *const Frame,
}

impl Drop for Unlink {
    fn drop(&mut self) {
        // Fails only during thread teardown, when nothing is left to restore.
        let _ = INNERMOST.try_with(|innermost| {
            let restored = if innermost.get() == self.frame {
                self.outer
            } else {
                ptr::null()
            };
            innermost.set(restored);
        });
    }
}

/// One table's current locale: the process-wide choice, and the entry point to this thread's
/// override.
///
/// Generated code builds one in a `static` and forwards `Locale::current`, `set_current`,
/// `with_current` and `scope` to it, passing a locale as its index in `Locale::ALL`
/// (`locale as usize`). Not part of the public API.
#[doc(hidden)]
pub struct CurrentLocale<L: 'static> {
    /// `Locale::ALL`, to turn a stored index back into a locale.
    all: &'static [L],
    /// `all[0]`, read at compile time.
    default: L,
    /// The process-wide locale, as an index into `all`. Relaxed ordering is enough: the index
    /// is the only data it publishes.
    process: AtomicUsize,
}

impl<L: Copy + 'static> CurrentLocale<L> {
    /// `all` is the table's `Locale::ALL`, default first; it is never empty, so indexing it in
    /// this `const fn` fails at compile time, if ever, not at run time.
    pub const fn new(all: &'static [L]) -> Self {
        CurrentLocale {
            all,
            default: all[0],
            process: AtomicUsize::new(0),
        }
    }

    /// Sets the process-wide locale by its index in `Locale::ALL`.
    pub fn set(&self, index: usize) {
        self.process.store(index, Ordering::Relaxed);
    }

    /// The innermost override of this thread for this table, else the process-wide locale.
    pub fn get(&self) -> L {
        let table = self.address();
        // `try_with` fails only while the thread is being torn down: no override then.
        let mut frame = INNERMOST.try_with(Cell::get).unwrap_or(ptr::null());
        while !frame.is_null() {
            #[allow(unsafe_code)]
            // SAFETY: every frame reachable from this thread's `INNERMOST` is alive. Only
            // `with` links a frame, on top, its `outer` the chain before it; its `Unlink`,
            // dropped before the frame on return and on unwind, unlinks it: back to `outer`
            // when it is the innermost, so the chain is what it was before the frame came,
            // else to an empty chain. Either way a frame whose scope has ended is reachable
            // from no frame still linked: below it are only frames linked before it, and a
            // frame that ends while another is linked above it empties the chain. Linked
            // frames are never written, so `&` is sound.
            let linked = unsafe { &*frame };
            if linked.table == table {
                return self.locale_at(linked.index);
            }
            frame = linked.outer;
        }
        self.locale_at(self.process.load(Ordering::Relaxed))
    }

    /// Runs `f` with `all[index]` as this thread's override of this table, then restores the
    /// previous one, also when `f` panics.
    pub fn with<R>(&self, index: usize, f: impl FnOnce() -> R) -> R {
        // Fails only during thread teardown: `f` then runs without an override.
        let Ok(outer) = INNERMOST.try_with(Cell::get) else {
            return f();
        };
        let frame = Frame {
            table: self.address(),
            index,
            outer,
        };
        // Declared after `frame`, so dropped before it.
        let _unlink = Unlink {
            frame: &frame,
            outer,
        };
        let _ = INNERMOST.try_with(|innermost| innermost.set(&frame));
        f()
    }

    /// Wraps `future` so that each of its polls runs inside [`CurrentLocale::with`].
    pub fn scope<F: Future>(&'static self, index: usize, future: F) -> LocaleScope<L, F> {
        LocaleScope {
            current: self,
            index,
            future,
        }
    }

    /// The locale at `index` in `all`; the default for an index no locale has, which only a
    /// caller outside the generated code can pass.
    fn locale_at(&self, index: usize) -> L {
        self.all.get(index).copied().unwrap_or(self.default)
    }

    /// What the frames of this table are known by.
    fn address(&self) -> *const () {
        ptr::from_ref(self).cast()
    }
}

/// A future that runs with a given current locale: what `Locale::scope(locale, future)`
/// returns.
///
/// Each call to `poll` sets the locale as the current one of the polling thread and puts the
/// previous one back before returning, so `Locale::current()` and `message_current()` see
/// `locale` anywhere inside the future, across every `.await` and on whatever worker thread
/// the executor polls it, while other tasks polled on the same thread in between see their
/// own. It needs no particular runtime and allocates nothing.
///
/// A task spawned from inside the future is a separate task and does not inherit the locale:
/// wrap it in its own scope.
///
/// ```
/// use status_core::standard::{Locale, StatusCode};
///
/// async fn handler() -> &'static str {
///     // Deep inside a service, with no locale passed down.
///     StatusCode::NotFound.message_current()
/// }
///
/// let future = Locale::scope(Locale::ZhCn, handler());
/// # let text = block_on(future);
/// assert_eq!(text, "服务器无法找到被请求的页面。");
/// assert_eq!(Locale::current(), Locale::DEFAULT); // nothing leaks out of the scope
/// # fn block_on<F: std::future::Future>(future: F) -> F::Output {
/// #     let mut future = std::pin::pin!(future);
/// #     let mut cx = std::task::Context::from_waker(std::task::Waker::noop());
/// #     loop {
/// #         if let std::task::Poll::Ready(output) = future.as_mut().poll(&mut cx) {
/// #             return output;
/// #         }
/// #     }
/// # }
/// ```
#[must_use = "futures do nothing unless polled"]
pub struct LocaleScope<L: 'static, F> {
    current: &'static CurrentLocale<L>,
    /// The locale, as its index in the table's `all`.
    index: usize,
    future: F,
}

impl<L: Copy + 'static, F> LocaleScope<L, F> {
    /// The locale this future runs with.
    pub fn locale(&self) -> L {
        self.current.locale_at(self.index)
    }

    /// The wrapped future.
    pub fn into_inner(self) -> F {
        self.future
    }
}

impl<L: Copy + 'static, F: Future> Future for LocaleScope<L, F> {
    type Output = F::Output;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<F::Output> {
        let current = self.current;
        let index = self.index;
        // Pinning `future` through `self` needs one projection, and safe Rust cannot write a
        // pin projection; a boxed future would allocate per request instead.
        #[allow(unsafe_code)]
        // SAFETY: `future` is structurally pinned: it is never moved out of a pinned
        // `LocaleScope` (`into_inner` takes `self` by value, which needs `Unpin` once pinned),
        // `LocaleScope` has no `Drop` impl, and it is `Unpin` only when `F` is (auto trait).
        let future = unsafe { self.map_unchecked_mut(|scope| &mut scope.future) };
        current.with(index, || future.poll(cx))
    }
}

impl<L: Copy + fmt::Debug + 'static, F> fmt::Debug for LocaleScope<L, F> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("LocaleScope")
            .field("locale", &self.locale())
            .finish_non_exhaustive()
    }
}

/// The frames' safety argument is checked under Miri, which CI's toolchain lacks:
/// `cargo +nightly miri test -p status-core --lib current`.
#[cfg(test)]
mod tests {
    use super::*;

    // Two tables with the same locales in different orders, so that reading one table's
    // override as the other's gives a different locale.
    static FIRST: CurrentLocale<&str> = CurrentLocale::new(&["en", "fr", "ja"]);
    static SECOND: CurrentLocale<&str> = CurrentLocale::new(&["ja", "en", "fr"]);

    /// Polls `future` once with a waker that does nothing.
    fn poll_once<F: Future>(future: Pin<&mut F>) -> Poll<F::Output> {
        future.poll(&mut Context::from_waker(core::task::Waker::noop()))
    }

    /// Pending at its first poll, ready at its second, with what each saw.
    struct Twice<R> {
        read: fn() -> R,
        first: Option<R>,
    }

    impl<R: Unpin> Future for Twice<R> {
        type Output = (R, R);

        fn poll(mut self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<(R, R)> {
            let now = (self.read)();
            match self.first.take() {
                None => {
                    self.first = Some(now);
                    Poll::Pending
                }
                Some(first) => Poll::Ready((first, now)),
            }
        }
    }

    fn both() -> (&'static str, &'static str) {
        (FIRST.get(), SECOND.get())
    }

    #[test]
    fn each_table_sees_its_own_innermost_override() {
        assert_eq!(both(), ("en", "ja"));
        let seen = FIRST.with(1, || {
            let outer = both();
            let (middle, inner) = SECOND.with(2, || {
                let middle = both();
                (middle, FIRST.with(2, both))
            });
            (outer, middle, inner, both())
        });
        assert_eq!(
            seen,
            (("fr", "ja"), ("fr", "fr"), ("ja", "fr"), ("fr", "ja"))
        );
        assert_eq!(both(), ("en", "ja"));
    }

    /// What a stackful coroutine suspended inside a scope could do: the outer scope ends while
    /// an inner one still runs. The overrides go, and no dead frame is read (which Miri checks:
    /// the outer frame is freed before the last reads).
    #[test]
    fn scopes_ending_out_of_order_read_no_dead_frame() {
        let outer = Box::new(Frame {
            table: FIRST.address(),
            index: 1,
            outer: INNERMOST.with(Cell::get),
        });
        INNERMOST.with(|innermost| innermost.set(&*outer));
        let unlink_outer = Unlink {
            frame: &*outer,
            outer: outer.outer,
        };
        assert_eq!(both(), ("fr", "ja"));
        let inside = SECOND.with(2, || {
            let before = both();
            drop(unlink_outer);
            (before, both())
        });
        assert_eq!(inside, (("fr", "fr"), ("en", "ja")));
        drop(outer);
        assert_eq!(both(), ("en", "ja"));
        assert_eq!(FIRST.with(2, both), ("ja", "ja"));
        assert_eq!(both(), ("en", "ja"));
    }

    #[test]
    fn an_index_no_locale_has_reads_as_the_default() {
        assert_eq!(FIRST.with(3, || FIRST.get()), "en");
        assert_eq!(SECOND.with(usize::MAX, || SECOND.get()), "ja");
    }

    #[test]
    fn a_panic_unlinks_every_scope_it_leaves() {
        let seen = SECOND.with(0, || {
            FIRST.with(2, || {
                let caught = std::panic::catch_unwind(|| {
                    SECOND.with(1, || FIRST.with(1, || panic!("inner scope failed")))
                });
                assert!(caught.is_err());
                both()
            })
        });
        assert_eq!(seen, ("ja", "ja"));
        assert_eq!(both(), ("en", "ja"));
    }

    #[test]
    fn interleaved_scopes_of_two_tables_each_see_their_own() {
        let mut first = core::pin::pin!(FIRST.scope(
            2,
            Twice {
                read: both,
                first: None
            }
        ));
        let mut second = core::pin::pin!(SECOND.scope(
            2,
            Twice {
                read: both,
                first: None
            }
        ));
        assert_eq!(first.locale(), "ja");
        assert_eq!(second.locale(), "fr");
        assert!(poll_once(first.as_mut()).is_pending());
        assert_eq!(both(), ("en", "ja"));
        assert!(poll_once(second.as_mut()).is_pending());
        assert_eq!(both(), ("en", "ja"));
        // The last polls run inside the other table's synchronous scope, which they see too.
        let first_seen = SECOND.with(1, || poll_once(first.as_mut()));
        let second_seen = FIRST.with(1, || poll_once(second.as_mut()));
        assert_eq!(first_seen, Poll::Ready((("ja", "ja"), ("ja", "en"))));
        assert_eq!(second_seen, Poll::Ready((("en", "fr"), ("fr", "fr"))));
        assert_eq!(both(), ("en", "ja"));
    }

    #[test]
    fn an_override_stays_on_its_thread() {
        FIRST.with(2, || {
            SECOND.with(1, || {
                let elsewhere = std::thread::spawn(both).join();
                assert_eq!(elsewhere.ok(), Some(("en", "ja")));
                assert_eq!(both(), ("ja", "en"));
            });
        });
    }

    #[test]
    fn the_process_wide_locale_is_under_every_override() {
        // The only test to set it, and only on a table of its own: tests run in parallel.
        static THIRD: CurrentLocale<&str> = CurrentLocale::new(&["en", "de"]);
        assert_eq!(THIRD.get(), "en");
        THIRD.set(1);
        let seen = std::thread::spawn(|| (THIRD.get(), THIRD.with(0, || THIRD.get()))).join();
        assert_eq!(seen.ok(), Some(("de", "en")));
        assert_eq!(FIRST.with(1, || THIRD.get()), "de");
        THIRD.set(7);
        assert_eq!(THIRD.get(), "en");
    }
}
