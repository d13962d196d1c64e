//! The order of a plan's actions: a dependency graph over the pending actions and a
//! schedule that hands out the actions whose dependencies are done. Pure: the
//! executor in `cloud` runs what the schedule hands out, as many at once as it
//! allows, and reports back.
//!
//! Edges: a create, update or replace waits for the creates, updates and
//! replacements of what its desired state refers to; a deletion waits for every
//! action on a resource whose live state refers to the one deleted (deletions run
//! in reverse dependency order). A failed action skips everything that waits on it,
//! directly or not; independent branches go on.

use super::{Action, Op};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    Waiting,
    Running,
    Done,
    Failed,
    Skipped,
}

/// Why an action was not run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skip {
    pub index: usize,
    pub reason: String,
}

#[derive(Debug)]
pub struct Schedule {
    /// For each action, the indices of the actions it waits for.
    waits_for: Vec<Vec<usize>>,
    state: Vec<State>,
    names: Vec<String>,
}

impl Schedule {
    /// The schedule of `actions`; those with nothing to do count as done.
    pub fn new(actions: &[Action]) -> Schedule {
        let mut waits_for = vec![Vec::new(); actions.len()];
        for (i, a) in actions.iter().enumerate() {
            if !a.is_pending() {
                continue;
            }
            for (j, b) in actions.iter().enumerate() {
                if i == j || !b.is_pending() {
                    continue;
                }
                let builds_on = a.op != Op::Delete
                    && b.op != Op::Delete
                    && a.needs.iter().any(|id| *id == b.id());
                let held_by = a.op == Op::Delete && b.held.iter().any(|id| *id == a.id());
                if builds_on || held_by {
                    waits_for[i].push(j);
                }
            }
        }
        Schedule {
            waits_for,
            state: actions
                .iter()
                .map(|a| {
                    if a.is_pending() {
                        State::Waiting
                    } else {
                        State::Done
                    }
                })
                .collect(),
            names: actions
                .iter()
                .map(|a| format!("{} {}", a.kind.noun(), a.name))
                .collect(),
        }
    }

    /// The actions that may start now, marked running, in plan order.
    pub fn ready(&mut self) -> Vec<usize> {
        let ready: Vec<usize> = (0..self.state.len())
            .filter(|&i| {
                self.state[i] == State::Waiting
                    && self.waits_for[i]
                        .iter()
                        .all(|&j| self.state[j] == State::Done)
            })
            .collect();
        for &i in &ready {
            self.state[i] = State::Running;
        }
        ready
    }

    /// Records the end of a running action. A failure skips what waits on it,
    /// transitively; the skipped actions are returned.
    pub fn finish(&mut self, index: usize, ok: bool) -> Vec<Skip> {
        self.state[index] = if ok { State::Done } else { State::Failed };
        if ok {
            return Vec::new();
        }
        let mut skipped = Vec::new();
        let mut failed = vec![index];
        while let Some(f) = failed.pop() {
            for i in 0..self.state.len() {
                if self.state[i] == State::Waiting && self.waits_for[i].contains(&f) {
                    self.state[i] = State::Skipped;
                    skipped.push(Skip {
                        index: i,
                        reason: format!("it depends on {}, which did not complete", self.names[f]),
                    });
                    failed.push(i);
                }
            }
        }
        skipped
    }

    fn running(&self) -> bool {
        self.state.contains(&State::Running)
    }

    /// When nothing runs and nothing is ready, whatever still waits is in a cycle:
    /// it is skipped, and returned.
    pub fn stuck(&mut self) -> Vec<Skip> {
        if self.running() {
            return Vec::new();
        }
        let mut skipped = Vec::new();
        for i in 0..self.state.len() {
            if self.state[i] == State::Waiting {
                self.state[i] = State::Skipped;
                skipped.push(Skip {
                    index: i,
                    reason: "its dependencies form a cycle".into(),
                });
            }
        }
        skipped
    }

    /// Nothing waits and nothing runs.
    pub fn is_finished(&self) -> bool {
        !self
            .state
            .iter()
            .any(|s| matches!(s, State::Waiting | State::Running))
    }
}
