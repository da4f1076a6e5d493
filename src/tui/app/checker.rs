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
        self.pending_checker.is_some()
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
