//! The only place that touches rayon thread pools.
//!
//! * The global pool is sized by `PRESSLENS_NUM_THREADS` (read once, when it is first used),
//!   else by the number of CPUs.
//! * [`Threads::Count`] pools are built once per size and cached.
//! * After `fork()` the pools' threads do not exist in the child, so every call in a forked
//!   child runs serially on the caller's thread instead of hanging (a `pthread_atfork` hook).
//! * Results never depend on the thread count: every parallel map keeps input order.
//! * Progress: inside [`track`], every item the primitives here complete (on any pool
//!   thread) adds one to a shared counter that another thread can read while the work runs.

use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, Once, OnceLock};

use rayon::prelude::*;
use rayon::ThreadPool;

use crate::error::{Error, Result};

/// How many threads a call may use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Threads {
    /// Run on the caller's thread.
    Serial,
    /// Use the global pool (`PRESSLENS_NUM_THREADS`, else all CPUs).
    #[default]
    Global,
    /// Use a cached pool of exactly this many threads.
    Count(usize),
}

impl Threads {
    /// Map the Python-style `n_threads` argument: `None` is the global pool, `1` is serial,
    /// any other positive number a pool of that size; `0` is an error.
    pub fn from_option(n: Option<i64>) -> Result<Threads> {
        match n {
            None => Ok(Threads::Global),
            Some(1) => Ok(Threads::Serial),
            Some(k) if k > 1 => Ok(Threads::Count(k as usize)),
            Some(-1) => Ok(Threads::Count(num_cpus())),
            Some(k) => Err(Error::InvalidArgument(format!(
                "n_threads must be None, -1 (all CPUs) or a positive integer, got {k}"
            ))),
        }
    }
}

static FORKED: AtomicBool = AtomicBool::new(false);
static ATFORK: Once = Once::new();

extern "C" fn mark_forked() {
    FORKED.store(true, Ordering::SeqCst);
}

fn register_fork_hook() {
    ATFORK.call_once(|| {
        // SAFETY: registering a child handler that only stores to an atomic is async-signal-safe.
        #[cfg(unix)]
        unsafe {
            libc::pthread_atfork(None, None, Some(mark_forked));
        }
    });
}

/// True in a child process forked after a pool was started: work runs serially there.
pub fn in_forked_child() -> bool {
    FORKED.load(Ordering::SeqCst)
}

fn num_cpus() -> usize {
    std::thread::available_parallelism().map_or(1, std::num::NonZero::get)
}

/// Size of the global pool: `PRESSLENS_NUM_THREADS` if set to a positive integer, else the
/// number of CPUs.
pub fn global_pool_size() -> usize {
    static SIZE: OnceLock<usize> = OnceLock::new();
    *SIZE.get_or_init(|| {
        std::env::var("PRESSLENS_NUM_THREADS")
            .ok()
            .and_then(|v| v.trim().parse::<usize>().ok())
            .filter(|&n| n > 0)
            .unwrap_or_else(num_cpus)
    })
}

fn build_pool(n: usize) -> Option<Arc<ThreadPool>> {
    register_fork_hook();
    rayon::ThreadPoolBuilder::new()
        .num_threads(n)
        .thread_name(|i| format!("presslens-{i}"))
        .build()
        .ok()
        .map(Arc::new)
}

fn pool_for(threads: Threads) -> Option<Arc<ThreadPool>> {
    if in_forked_child() {
        return None;
    }
    match threads {
        Threads::Serial => None,
        Threads::Global => {
            static GLOBAL: OnceLock<Option<Arc<ThreadPool>>> = OnceLock::new();
            let n = global_pool_size();
            if n <= 1 {
                return None;
            }
            GLOBAL.get_or_init(|| build_pool(n)).clone()
        }
        Threads::Count(n) if n <= 1 => None,
        Threads::Count(n) => {
            static POOLS: OnceLock<Mutex<HashMap<usize, Arc<ThreadPool>>>> = OnceLock::new();
            let pools = POOLS.get_or_init(|| Mutex::new(HashMap::new()));
            let mut guard = pools
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner);
            if let Some(p) = guard.get(&n) {
                return Some(p.clone());
            }
            let p = build_pool(n)?;
            guard.insert(n, p.clone());
            Some(p)
        }
    }
}

/// Number of threads a call with `threads` will actually use.
pub fn effective_threads(threads: Threads) -> usize {
    pool_for(threads).map_or(1, |p| p.current_num_threads())
}

thread_local! {
    static PROGRESS: RefCell<Option<Arc<AtomicU64>>> = const { RefCell::new(None) };
}

/// Count the items that the primitives here ([`map`], [`map_range`], [`fold_merge`]) complete
/// while `f` runs on this thread into `counter` (one relaxed atomic add per item). Calls
/// nest: the innermost counter wins; the previous one is restored after `f`, even on panic.
pub fn track<R>(counter: Arc<AtomicU64>, f: impl FnOnce() -> R) -> R {
    struct Restore(Option<Arc<AtomicU64>>);
    impl Drop for Restore {
        fn drop(&mut self) {
            let previous = self.0.take();
            PROGRESS.with(|p| *p.borrow_mut() = previous);
        }
    }
    let _restore = Restore(PROGRESS.with(|p| p.borrow_mut().replace(counter)));
    f()
}

/// Start counting on this thread into `counter`, until called again with `None` (for callers
/// that cannot wrap a closure, such as a binding layer whose begin and end are separate calls).
pub fn set_tracking(counter: Option<Arc<AtomicU64>>) {
    PROGRESS.with(|p| *p.borrow_mut() = counter);
}

fn progress() -> Option<Arc<AtomicU64>> {
    PROGRESS.with(|p| p.borrow().clone())
}

#[inline]
fn tick(p: Option<&AtomicU64>) {
    if let Some(p) = p {
        p.fetch_add(1, Ordering::Relaxed);
    }
}

/// Map `f` over `items`, in parallel when `threads` allows, keeping input order.
pub fn map<T, R, F>(threads: Threads, items: &[T], f: F) -> Vec<R>
where
    T: Sync,
    R: Send,
    F: Fn(&T) -> R + Sync + Send,
{
    let counter = progress();
    let p = counter.as_deref();
    let g = |x: &T| {
        let r = f(x);
        tick(p);
        r
    };
    match pool_for(threads) {
        Some(pool) if items.len() > 1 => pool.install(|| items.par_iter().map(&g).collect()),
        _ => items.iter().map(g).collect(),
    }
}

/// Map `f` over `0..n`, in parallel when `threads` allows, keeping order.
pub fn map_range<R, F>(threads: Threads, n: usize, f: F) -> Vec<R>
where
    R: Send,
    F: Fn(usize) -> R + Sync + Send,
{
    let counter = progress();
    let p = counter.as_deref();
    let g = |i: usize| {
        let r = f(i);
        tick(p);
        r
    };
    match pool_for(threads) {
        Some(pool) if n > 1 => pool.install(|| (0..n).into_par_iter().map(&g).collect()),
        _ => (0..n).map(g).collect(),
    }
}

/// Run `f` on every item of `items`, mutably, in parallel when `threads` allows.
pub fn for_each_mut<T, F>(threads: Threads, items: &mut [T], f: F)
where
    T: Send,
    F: Fn(&mut T) + Sync + Send,
{
    let counter = progress();
    let p = counter.as_deref();
    let g = |x: &mut T| {
        f(x);
        tick(p);
    };
    match pool_for(threads) {
        Some(pool) if items.len() > 1 => pool.install(|| items.par_iter_mut().for_each(g)),
        _ => items.iter_mut().for_each(g),
    }
}

/// Fold each item to partial state, then merge the partial states (the mergeable-statistics
/// shape: partial → merge → finish). `merge` must be associative; the result is the same for
/// every thread count when it is also commutative or when order-sensitive state is merged by
/// index.
pub fn fold_merge<T, S, I, F, M>(threads: Threads, items: &[T], init: I, fold: F, merge: M) -> S
where
    T: Sync,
    S: Send,
    I: Fn() -> S + Sync + Send,
    F: Fn(S, &T) -> S + Sync + Send,
    M: Fn(S, S) -> S + Sync + Send,
{
    let counter = progress();
    let p = counter.as_deref();
    let g = |s: S, x: &T| {
        let r = fold(s, x);
        tick(p);
        r
    };
    match pool_for(threads) {
        Some(pool) if items.len() > 1 => {
            pool.install(|| items.par_iter().fold(&init, &g).reduce(&init, &merge))
        }
        _ => items.iter().fold(init(), g),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn order_is_kept_for_any_thread_count() {
        let items: Vec<usize> = (0..1000).collect();
        let serial = map(Threads::Serial, &items, |x| x * 2);
        for t in [Threads::Global, Threads::Count(2), Threads::Count(3)] {
            assert_eq!(map(t, &items, |x| x * 2), serial);
        }
    }

    #[test]
    fn for_each_mut_visits_every_item() {
        let mut items: Vec<u64> = (0..100).collect();
        for_each_mut(Threads::Count(2), &mut items, |x| *x *= 2);
        assert_eq!(items, (0..100).map(|x| x * 2).collect::<Vec<u64>>());
    }

    #[test]
    fn fold_merge_sums() {
        let items: Vec<u64> = (1..=100).collect();
        let s = fold_merge(
            Threads::Count(2),
            &items,
            || 0u64,
            |a, b| a + b,
            |a, b| a + b,
        );
        assert_eq!(s, 5050);
    }

    #[test]
    fn progress_counts_items_on_every_thread_and_restores() {
        let items: Vec<u64> = (0..500).collect();
        let counter = Arc::new(AtomicU64::new(0));
        let total = track(counter.clone(), || {
            let a = map(Threads::Count(2), &items, |x| x + 1);
            let b = map_range(Threads::Serial, 100, |i| i);
            let c = fold_merge(Threads::Count(2), &items, || 0, |a, b| a + b, |a, b| a + b);
            a.len() + b.len() + usize::from(c > 0)
        });
        assert_eq!(total, 601);
        assert_eq!(counter.load(Ordering::Relaxed), 500 + 100 + 500);
        // Outside the scope nothing is counted.
        let _ = map(Threads::Count(2), &items, |x| x + 1);
        assert_eq!(counter.load(Ordering::Relaxed), 1100);
    }

    #[test]
    fn bad_thread_counts() {
        assert!(Threads::from_option(Some(0)).is_err());
        assert!(Threads::from_option(Some(-3)).is_err());
        assert_eq!(Threads::from_option(Some(1)).unwrap(), Threads::Serial);
    }
}
