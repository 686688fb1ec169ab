//! `[locales.fallback]`: each locale's chain of locales its missing texts come from.

use super::Checker;
use crate::ast::Document;
use crate::diag::Diagnostic;
use crate::parse::{escape, list};
use crate::source::{Sp, Span};

impl Checker<'_> {
    /// Each locale's fallback chain (indices into `tags`, the default first): the locales its
    /// `[locales.fallback]` entry names, in order, each followed by its own chain, then the
    /// default. Reports unknown locales, a locale falling back to itself, and cycles.
    pub(super) fn fallback_chains(
        &mut self,
        document: &Document,
        tags: &[String],
    ) -> Option<Vec<Vec<usize>>> {
        let entries = document
            .locales
            .as_ref()
            .map_or(&[][..], |locales| &locales.fallback[..]);
        let mut ok = true;
        // Per locale, the locales it falls back to and where each was written.
        let mut edges: Vec<Vec<(usize, Span)>> = vec![Vec::new(); tags.len()];
        for entry in entries {
            let mut from = self.fallback_locale(&entry.tag, tags);
            if from == Some(0) {
                from = None;
                self.error(
                    Diagnostic::new(
                        entry.tag.span.clone(),
                        format!("the default locale `{}` needs no fallback", tags[0]),
                    )
                    .label("default locale")
                    .help("it has every message; remove this entry"),
                );
                ok = false;
            }
            for target in &entry.targets {
                let to = self.fallback_locale(target, tags);
                let (Some(from), Some(to)) = (from, to) else {
                    ok = false;
                    continue;
                };
                if from == to {
                    self.error(
                        Diagnostic::new(
                            target.span.clone(),
                            format!("locale `{}` falls back to itself", tags[from]),
                        )
                        .label("the same locale")
                        .help("name another locale here, or remove it"),
                    );
                    ok = false;
                } else if let Some((_, first)) = edges[from].iter().find(|(seen, _)| *seen == to) {
                    self.error(
                        Diagnostic::new(
                            target.span.clone(),
                            format!(
                                "`{}` is named twice as a fallback of `{}`",
                                tags[to], tags[from]
                            ),
                        )
                        .label("named again here")
                        .related(first.clone(), "first named here")
                        .help("remove one of them"),
                    );
                    ok = false;
                } else {
                    edges[from].push((to, target.span.clone()));
                }
            }
        }
        ok &= self.fallback_cycles(tags, &edges);
        let mut seen = vec![false; tags.len()];
        if !ok {
            return None;
        }
        // The default's chain is empty; every other ends at the default.
        let mut chains = Vec::with_capacity(tags.len());
        for index in 0..tags.len() {
            if index == 0 {
                chains.push(Vec::new());
                continue;
            }
            let mut chain = follow(index, &edges, &mut seen);
            if !chain.contains(&0) {
                chain.push(0);
            }
            chains.push(chain);
        }
        Some(chains)
    }

    /// The index of a locale named in `[locales.fallback]`; reports a malformed or unknown tag.
    fn fallback_locale(&mut self, tag: &Sp<String>, tags: &[String]) -> Option<usize> {
        if !self.tag(tag) {
            return None;
        }
        let mut known: Vec<&str> = Vec::with_capacity(tags.len());
        for (index, name) in tags.iter().enumerate() {
            if *name == tag.value {
                return Some(index);
            }
            known.push(name);
        }
        let help = match crate::diag::did_you_mean(&tag.value, &known) {
            Some(suggestion) => format!("did you mean `{suggestion}`?"),
            None => format!(
                "the locales of this table are {}; a locale exists once a code has a text in it",
                list(&known)
            ),
        };
        self.error(
            Diagnostic::new(
                tag.span.clone(),
                format!("unknown locale `{}` in `fallback`", escape(&tag.value)),
            )
            .label("no code has a text in this locale")
            .help(help),
        );
        None
    }

    /// Reports every cycle among the fallbacks, each once, starting at the entry written
    /// first. Returns whether there was none.
    fn fallback_cycles(&mut self, tags: &[String], edges: &[Vec<(usize, Span)>]) -> bool {
        #[derive(Clone, Copy, PartialEq)]
        enum Visit {
            New,
            Open,
            Done,
        }
        // Depth first, without recursion: the path holds (locale, next edge to try).
        let mut state = vec![Visit::New; tags.len()];
        let mut cycles: Vec<Vec<(usize, Span)>> = Vec::new();
        for start in 0..tags.len() {
            if state[start] != Visit::New {
                continue;
            }
            let mut path: Vec<(usize, usize)> = vec![(start, 0)];
            state[start] = Visit::Open;
            while let Some(&mut (locale, ref mut next)) = path.last_mut() {
                let Some((to, _)) = edges[locale].get(*next) else {
                    state[locale] = Visit::Done;
                    path.pop();
                    continue;
                };
                *next += 1;
                match state[*to] {
                    Visit::New => {
                        state[*to] = Visit::Open;
                        path.push((*to, 0));
                    }
                    Visit::Open => {
                        // The path from `to` back to `to`: each step's edge and its span.
                        let from = path.iter().position(|(on, _)| on == to).unwrap_or(0);
                        let mut cycle = Vec::with_capacity(path.len() - from);
                        for &(on, taken) in &path[from..] {
                            cycle.push(edges[on][taken - 1].clone());
                        }
                        cycles.push(cycle);
                    }
                    Visit::Done => {}
                }
            }
        }
        for mut cycle in cycles.iter().cloned() {
            // The step written first in the file (the first such, as `min_by_key` gives).
            let mut first = 0;
            for (step, (_, span)) in cycle.iter().enumerate() {
                if span.range.start < cycle[first].1.range.start {
                    first = step;
                }
            }
            cycle.rotate_left(first);
            // Each step's source is the previous step's target.
            let source = |step: usize| cycle[(step + cycle.len() - 1) % cycle.len()].0;
            let mut names = format!("`{}`", tags[source(0)]);
            for (to, _) in &cycle {
                names.push_str(" → `");
                names.push_str(&tags[*to]);
                names.push('`');
            }
            let mut diagnostic = Diagnostic::new(
                cycle[0].1.clone(),
                format!("locale fallbacks form a cycle: {names}"),
            )
            .label(format!(
                "`{}` falls back to `{}`",
                tags[source(0)],
                tags[cycle[0].0]
            ));
            for step in 1..cycle.len() {
                diagnostic = diagnostic.related(
                    cycle[step].1.clone(),
                    format!(
                        "then `{}` falls back to `{}`",
                        tags[source(step)],
                        tags[cycle[step].0]
                    ),
                );
            }
            self.error(diagnostic.help(
                "a fallback chain must end at the default locale; remove one of these fallbacks",
            ));
        }
        cycles.is_empty()
    }
}

/// The chain of `locale`: its fallbacks depth first, each followed by its own, each locale once,
/// `locale` itself left out. Iterative, and linear in the edges it walks: a long chain can
/// neither overflow the stack nor take quadratic time per locale.
fn follow(locale: usize, edges: &[Vec<(usize, Span)>], seen: &mut [bool]) -> Vec<usize> {
    let mut chain = Vec::new();
    seen[locale] = true;
    // Each frame: a locale and the next of its edges to take.
    let mut stack: Vec<(usize, usize)> = vec![(locale, 0)];
    while let Some((from, next)) = stack.last_mut() {
        let Some((to, _)) = edges[*from].get(*next) else {
            stack.pop();
            continue;
        };
        *next += 1;
        if !seen[*to] {
            seen[*to] = true;
            chain.push(*to);
            stack.push((*to, 0));
        }
    }
    for &visited in &chain {
        seen[visited] = false;
    }
    seen[locale] = false;
    chain
}
