//! The current locale of a generated table: one process-wide value, a per-thread override for
//! a synchronous scope, and a future wrapper that carries the override across an async task.
//!
//! The logic is the same for every table, so it lives here once; each generated `Locale` owns
//! a [`CurrentLocale`] static (its own atomic and thread-local) and forwards to it.

use core::cell::Cell;
use core::fmt;
use core::future::Future;
use core::pin::Pin;
use core::sync::atomic::{AtomicUsize, Ordering};
use core::task::{Context, Poll};
use std::thread::LocalKey;

/// One table's current locale: the process-wide choice and this thread's override.
///
/// Generated code builds one in a `static` and forwards `Locale::current`, `set_current`,
/// `with_current` and `scope` to it. Not part of the public API.
#[doc(hidden)]
pub struct CurrentLocale<L: 'static> {
    /// `Locale::ALL`, to turn the stored index back into a locale.
    all: &'static [L],
    /// `all[0]`, read at compile time.
    default: L,
    /// The process-wide locale, as an index into `all`. Relaxed ordering is enough: the index
    /// is the only data it publishes.
    process: AtomicUsize,
    /// This thread's override, set while a `with` scope or a [`LocaleScope`] poll runs.
    scoped: &'static LocalKey<Cell<Option<L>>>,
}

impl<L: Copy + 'static> CurrentLocale<L> {
    /// `all` is the table's `Locale::ALL`, default first; it is never empty, so indexing it in
    /// this `const fn` fails at compile time, if ever, not at run time.
    pub const fn new(all: &'static [L], scoped: &'static LocalKey<Cell<Option<L>>>) -> Self {
        CurrentLocale {
            all,
            default: all[0],
            process: AtomicUsize::new(0),
            scoped,
        }
    }

    /// Sets the process-wide locale by its index in `Locale::ALL`.
    pub fn set(&self, index: usize) {
        self.process.store(index, Ordering::Relaxed);
    }

    /// The innermost override of this thread, else the process-wide locale.
    pub fn get(&self) -> L {
        // `try_with` fails only while the thread is being torn down: no override then.
        match self.scoped.try_with(Cell::get).ok().flatten() {
            Some(locale) => locale,
            None => {
                let index = self.process.load(Ordering::Relaxed);
                self.all.get(index).copied().unwrap_or(self.default)
            }
        }
    }

    /// Runs `f` with `locale` as this thread's override, then restores the previous one, also
    /// when `f` panics.
    pub fn with<R>(&self, locale: L, f: impl FnOnce() -> R) -> R {
        let previous = self
            .scoped
            .try_with(|scoped| scoped.replace(Some(locale)))
            .ok()
            .flatten();
        let _restore = Restore {
            scoped: self.scoped,
            previous,
        };
        f()
    }

    /// Wraps `future` so that each of its polls runs inside [`CurrentLocale::with`].
    pub fn scope<F: Future>(&'static self, locale: L, future: F) -> LocaleScope<L, F> {
        LocaleScope {
            current: self,
            locale,
            future,
        }
    }
}

/// Puts the previous override back when a scope ends, by return or by unwinding.
struct Restore<L: 'static> {
    scoped: &'static LocalKey<Cell<Option<L>>>,
    previous: Option<L>,
}

impl<L: 'static> Drop for Restore<L> {
    fn drop(&mut self) {
        let previous = self.previous.take();
        // During thread teardown there is nothing left to restore.
        let _ = self.scoped.try_with(|scoped| scoped.set(previous));
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
    locale: L,
    future: F,
}

impl<L: Copy + 'static, F> LocaleScope<L, F> {
    /// The locale this future runs with.
    pub fn locale(&self) -> L {
        self.locale
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
        let locale = self.locale;
        // Pinning `future` through `self` needs one projection, and safe Rust cannot write a
        // pin projection; a boxed future would allocate per request instead.
        #[allow(unsafe_code)]
        // SAFETY: `future` is structurally pinned: it is never moved out of a pinned
        // `LocaleScope` (`into_inner` takes `self` by value, which needs `Unpin` once pinned),
        // `LocaleScope` has no `Drop` impl, and it is `Unpin` only when `F` is (auto trait).
        let future = unsafe { self.map_unchecked_mut(|scope| &mut scope.future) };
        current.with(locale, || future.poll(cx))
    }
}

impl<L: fmt::Debug + 'static, F> fmt::Debug for LocaleScope<L, F> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("LocaleScope")
            .field("locale", &self.locale)
            .finish_non_exhaustive()
    }
}
