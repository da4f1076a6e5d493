//! The writer thread: the file work of the app, in order, off the thread that reads keys.

use super::action::Action;
use super::app::Effect;

/// The file work of the app, done on a thread of its own so that keys never wait for a disk:
/// jobs go in order, results come back as actions.
pub struct Writer {
    jobs: Option<std::sync::mpsc::Sender<Effect>>,
    results: std::sync::mpsc::Receiver<Option<Action>>,
    thread: Option<std::thread::JoinHandle<()>>,
    /// Jobs sent whose results have not been taken yet.
    pub in_flight: usize,
}

impl Writer {
    pub fn start() -> Writer {
        let (jobs, inbox) = std::sync::mpsc::channel::<Effect>();
        let (outbox, results) = std::sync::mpsc::channel();
        let thread = std::thread::spawn(move || {
            for job in inbox {
                // Every job answers, so that the runner knows when it is done.
                let _ = outbox.send(super::effects::perform(job));
            }
        });
        Writer { jobs: Some(jobs), results, thread: Some(thread), in_flight: 0 }
    }

    pub fn send(&mut self, effect: Effect) {
        if let Some(jobs) = &self.jobs
            && jobs.send(effect).is_ok()
        {
            self.in_flight += 1;
        }
    }

    /// The results ready now.
    pub fn ready(&mut self) -> Vec<Action> {
        let mut out = Vec::new();
        while let Ok(result) = self.results.try_recv() {
            self.in_flight -= 1;
            out.extend(result);
        }
        out
    }

    /// Waits for every job sent to be done (on the way out), and returns their results.
    pub fn finish(&mut self) -> Vec<Action> {
        self.jobs = None;
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
        self.ready()
    }
}

impl Drop for Writer {
    fn drop(&mut self) {
        // Whatever way the loop ends, the jobs sent are done before the app goes.
        self.finish();
    }
}
