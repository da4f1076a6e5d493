//! The wording checker arrives from a thread of its own (see `checking`): taken when ready.

use super::App;

impl App {
    /// Start-up: builds the wording checker, and checks the open document with it, on other
    /// threads; both are taken as soon as they are ready.
    pub fn build_checker_in_background(
        &mut self,
        build: impl FnOnce() -> Option<crate::lint::Checker> + Send + 'static,
    ) {
        self.take_checker_when_ready(crate::tui::checking::start(build));
    }

    /// Takes the checker being built by `early` when it is ready, with the open document's
    /// findings.
    pub(crate) fn take_checker_when_ready(&mut self, early: crate::tui::checking::Early) {
        let doc = self.editor().map(|e| e.doc.clone());
        self.take_checker_from(early.check(doc));
    }

    /// As [`App::take_checker_when_ready`], but the document is handed to the checker only once
    /// the first frame is drawn ([`App::first_frame_drawn`]): checking it is most of a
    /// start's work (compiling the patterns it needs), and on a busy machine it would take
    /// the processor from the first frame. Until then the editor says it is checking.
    pub(crate) fn check_after_first_frame(&mut self, early: crate::tui::checking::Early) {
        self.early_checker = Some(early);
        if let Some(e) = self.editor_mut() {
            e.set_checking(true);
        }
    }

    /// The runner has drawn the first frame: the checker being built gets the document now.
    pub fn first_frame_drawn(&mut self) {
        // Who is writing (`git config`, a process) is asked now too: the lock names them.
        if let Some(early) = self.early_checker.take() {
            self.take_checker_when_ready(early);
            crate::tui::context::ask_who_early();
        } else if self.unnamed_lock.is_some() && !crate::tui::context::asking() {
            crate::tui::context::ask_who_early();
        }
    }

    /// Takes the checker, and the findings of the document it was given, from `ready` when
    /// they arrive (findings of a text since changed are not used).
    pub(crate) fn take_checker_from(&mut self, ready: std::sync::mpsc::Receiver<crate::tui::checking::Ready>) {
        self.pending_checker = Some(ready);
        if let Some(e) = self.editor_mut() {
            e.set_checking(true);
        }
    }

    /// Whether the checker is still being built.
    pub fn checker_pending(&self) -> bool {
        self.pending_checker.is_some() || self.early_checker.is_some()
    }

    /// Takes the checker when it is ready; returns whether it arrived (or gave up).
    pub(super) fn install_checker_if_ready(&mut self) -> bool {
        self.install_checker(None)
    }

    /// Waits up to `limit` for the checker and the open document's findings (tests and
    /// scripts; the runner never waits: its first frame is drawn at once, and the findings
    /// when they arrive).
    pub fn wait_for_checker(&mut self, limit: std::time::Duration) {
        self.install_checker(Some(limit));
    }

    fn install_checker(&mut self, wait: Option<std::time::Duration>) -> bool {
        use std::sync::mpsc::RecvTimeoutError;
        let Some(rx) = &self.pending_checker else { return false };
        let received = match wait {
            Some(limit) => rx.recv_timeout(limit),
            None => rx.try_recv().map_err(|e| match e {
                std::sync::mpsc::TryRecvError::Empty => RecvTimeoutError::Timeout,
                std::sync::mpsc::TryRecvError::Disconnected => RecvTimeoutError::Disconnected,
            }),
        };
        match received {
            Ok(ready) => {
                self.pending_checker = None;
                self.checker = Some(ready.checker.clone());
                if let Some(e) = self.editor_mut() {
                    e.checking = false;
                    e.checker = Some(ready.checker);
                    e.check_all_with(ready.checked, ready.fields);
                }
                true
            }
            Err(RecvTimeoutError::Disconnected) => {
                self.pending_checker = None;
                if let Some(e) = self.editor_mut() {
                    e.set_checking(false);
                }
                true
            }
            Err(RecvTimeoutError::Timeout) => false,
        }
    }
}
