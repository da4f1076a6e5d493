//! Search as you type over a catalog's words: each query narrows the answer to the one before
//! when it extends it (typing one more letter can only take entries away), and a search that
//! would read a lot runs on a thread of its own, so the screen that asks never waits on it.

use std::sync::Arc;
use std::sync::mpsc::{Receiver, TryRecvError, channel};

use super::words::Words;

/// Above this many word numbers to read, a search runs off the asking thread (about a
/// millisecond of reading on this project's machines).
const LONG: usize = 1_000_000;

pub struct Finder {
    words: Arc<Words>,
    /// The last query answered, and the entries that hold its words, in order.
    query: String,
    found: Vec<usize>,
    /// A search still running: its query and where its answer arrives.
    pending: Option<(String, Receiver<Vec<usize>>)>,
}

impl Finder {
    /// A finder over `words`; the empty query (everything) is answered.
    pub fn new(words: Arc<Words>) -> Finder {
        let found = (0..words.len()).collect();
        Finder { words, query: String::new(), found, pending: None }
    }

    /// Asks for the entries that hold every word of `query`. Answered at once when that is
    /// quick (the answer is then [`Finder::found`]); otherwise a thread works on it and
    /// [`Finder::poll`] takes its answer.
    pub fn ask(&mut self, query: &str) {
        if query == self.query {
            self.pending = None;
            return;
        }
        let within = query.starts_with(self.query.as_str()).then_some(&self.found[..]);
        if self.words.cost(within) <= LONG {
            self.found = self.words.matching(query, within);
            self.query = query.to_string();
            self.pending = None;
            return;
        }
        let (words, owned, asked) = (self.words.clone(), within.map(<[usize]>::to_vec), query.to_string());
        let (sender, receiver) = channel();
        std::thread::spawn(move || {
            let _ = sender.send(words.matching(&asked, owned.as_deref()));
        });
        // A search asked before is no longer wanted: its answer is dropped with its channel.
        self.pending = Some((query.to_string(), receiver));
    }

    /// Takes the answer of the search running, when it has arrived. Returns whether it did.
    pub fn poll(&mut self) -> bool {
        let Some((query, receiver)) = &self.pending else { return false };
        match receiver.try_recv() {
            Ok(found) => {
                self.query = query.clone();
                self.found = found;
                self.pending = None;
                true
            }
            Err(TryRecvError::Empty) => false,
            Err(TryRecvError::Disconnected) => {
                self.pending = None;
                false
            }
        }
    }

    /// Whether a search is still running.
    pub fn busy(&self) -> bool {
        self.pending.is_some()
    }

    /// Waits for the search running, if any (tests and benches).
    pub fn wait(&mut self) {
        if let Some((query, receiver)) = self.pending.take()
            && let Ok(found) = receiver.recv()
        {
            self.query = query;
            self.found = found;
        }
    }

    /// The query answered last (while a search runs, the one before it).
    pub fn query(&self) -> &str {
        &self.query
    }

    /// The entries holding every word of [`Finder::query`], in order.
    pub fn found(&self) -> &[usize] {
        &self.found
    }
}
