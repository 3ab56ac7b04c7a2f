//! One run over a dataset ([`simulate`]) and what it gives: per indicator its outcome (projection, targets,
//! odds, what it would take), the grade scales, and the roll-ups. The formulas are in the files of each
//! part: `projection.rs`, `scale.rs`, `random.rs`, `rollup.rs`.

use super::*;

/// The result for one indicator of the dataset.
#[derive(Debug, Clone, PartialEq)]
pub struct IndicatorSim {
    /// Index into `dataset.plans`.
    pub plan: usize,
    /// The measure or policy id.
    pub owner: String,
    /// The indicator id, local to its owner.
    pub indicator: String,
    pub outcome: Outcome,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    Projected(Projection),
    NotProjected(Why),
    /// Targets in words only; completed with `Assumptions::milestone_probability`. The grades (indexes
    /// into the plan's [`Scale`]) are those of 100 % and 0 % attainment.
    Milestone { done: usize, not_done: usize },
    /// Nothing to measure against.
    NoTarget,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Projection {
    pub quantity: Quantity,
    pub start: Start,
    pub formula: Formula,
    /// `X(y)` for every year after the start up to the last target year.
    pub projected: Vec<(FiscalYear, f64)>,
    /// One per numeric target, in the indicator's order.
    pub targets: Vec<TargetSim>,
    /// Index into `targets` of the key target, whose grade is the indicator's.
    pub key: usize,
    /// Set when the key target is at risk and years remain.
    pub needed: Option<Needed>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct TargetSim {
    /// Index into the indicator's `targets`.
    pub target: usize,
    /// `None`: a target year before the latest recorded value, without a value of its own.
    pub result: Option<Attained>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Attained {
    /// `V`: the projected (or recorded) value compared with the target.
    pub value: f64,
    /// In percent.
    pub attainment: f64,
    /// Index into the plan's [`Scale`].
    pub grade: usize,
    /// Share of draws that reach the target.
    pub probability: f64,
}

/// What it would take to reach the key target (module docs).
#[derive(Debug, Clone, PartialEq)]
pub struct Needed {
    /// The amount each remaining year must bring: a level's increase, a flow's value.
    pub per_year: f64,
    /// The annual change (0.05 = +5 %) at which the annual-change model reaches the target; needs `s > 0`.
    pub rate: Option<f64>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Simulation {
    pub assumptions: Assumptions,
    /// Per plan of the dataset, in order.
    pub scales: Vec<Scale>,
    /// Every indicator of every plan: policies' first, then measures', in document order.
    pub indicators: Vec<IndicatorSim>,
    /// Per plan: the plan, each policy, each department, each measure.
    pub rollups: Vec<Rollup>,
}

/// How many indicators got which outcome.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Tally {
    pub projected: usize,
    pub not_projected: usize,
    pub milestones: usize,
    pub no_target: usize,
}

impl Simulation {
    /// Counts of the outcomes, for one plan (index into `dataset.plans`) or all: the screen says how many
    /// indicators are qualitative.
    pub fn tally(&self, plan: Option<usize>) -> Tally {
        let mut tally = Tally::default();
        for sim in self.indicators.iter().filter(|i| plan.is_none_or(|p| p == i.plan)) {
            match sim.outcome {
                Outcome::Projected(_) => tally.projected += 1,
                Outcome::NotProjected(_) => tally.not_projected += 1,
                Outcome::Milestone { .. } => tally.milestones += 1,
                Outcome::NoTarget => tally.no_target += 1,
            }
        }
        tally
    }
}

/// Runs the model over every indicator of the dataset and rolls the grades up.
///
/// ```
/// use plan_core::sim::{Assumptions, Outcome, simulate};
/// let json = r#"{"schema_version": 1, "plans": [{"id": "p", "municipality": {"name": "板橋区", "code": "131199"},
///   "title": "計画", "period": {"from": 2021, "to": 2023}, "status": "策定", "source": "s.txt", "source_line": 1,
///   "policies": [], "measures": [{"id": "p.m1", "code": "01", "name": "研修", "summary": null, "departments": ["IT推進課"],
///   "policies": [], "schedule": [], "evaluations": [], "is_new": false, "source": {"file": "s.txt", "line": 2},
///   "indicators": [{"id": "i1", "name": "研修", "unit": "回", "direction": "increase", "cumulative": false,
///     "targets": [{"fy": 2023, "fy_from": 2021, "value": 3, "line": 3}], "actuals": [], "source": {"file": "s.txt", "line": 3}}]}]}]}"#;
/// let dataset = plan_core::load_dataset(json).unwrap();
/// let sim = simulate(&dataset, &Assumptions::from_pairs([("pace", "80"), ("spread", "0")]));
/// let Outcome::Projected(p) = &sim.indicators[0].outcome else { unreachable!() };
/// // 0.8 a year from an assumed 0, over three years: 2.4 of 3.
/// let result = p.targets[p.key].result.as_ref().unwrap();
/// assert!((result.attainment - 80.0).abs() < 1e-9);
/// assert_eq!(sim.scales[0].grades[result.grade], "未達成");
/// assert_eq!(p.needed.as_ref().unwrap().per_year, 1.0);
/// ```
pub fn simulate(dataset: &Dataset, assumptions: &Assumptions) -> Simulation {
    let mut run = Run::new(assumptions);
    while run.step(dataset) {}
    run.finish()
}

/// [`simulate`] a piece at a time, so that a page can draw and answer between pieces: in one go, every
/// plan's 10,000 draws kept Chromium's main thread busy for 110–175 ms (540–910 ms at the 100,000 draws the
/// URL allows; scripts/bench-sim.mjs), in which the page could not be scrolled or typed into. A piece is one indicator's draws, one
/// scope's roll-up, or the start or end of a plan; the result is [`simulate`]'s, piece for piece.
///
/// ```
/// use plan_core::sim::{Assumptions, Run, simulate};
/// # let dataset = plan_core::Dataset { schema_version: 1, plans: vec![], themes: vec![] };
/// let assumptions = Assumptions::from_pairs([("draws", "1000")]);
/// let mut run = Run::new(&assumptions);
/// // The page yields to the browser between steps.
/// while run.step(&dataset) {}
/// assert_eq!(run.finish(), simulate(&dataset, &assumptions));
/// ```
pub struct Run {
    sim: Simulation,
    plan: Option<PlanRun>,
}

/// What a [`Run`] keeps of the plan it is in.
struct PlanRun {
    scale: Scale,
    /// Measures in the plan.
    n: usize,
    /// The indicators still to draw: owner id, indicator id, the measure's index (`None` for a policy's).
    indicators: std::vec::IntoIter<(String, String, Option<usize>, Prep)>,
    /// Each measure's grade in each draw, draw-major (measured faster than measure-major for the roll-up):
    /// the worst so far, starting from the best. Plans have a handful of grades.
    grades: Vec<Option<u8>>,
    /// The roll-ups still to count.
    scopes: std::vec::IntoIter<(Scope, Vec<usize>)>,
}

impl PlanRun {
    fn new(plan: &Plan, assumptions: &Assumptions, draws: usize) -> PlanRun {
        let owners = plan
            .policies
            .iter()
            .map(|p| (&p.id, &p.indicators, None))
            .chain(plan.measures.iter().enumerate().map(|(m, x)| (&x.id, &x.indicators, Some(m))));
        let prepared: Vec<_> = owners
            .flat_map(|(owner, list, m)| list.iter().map(move |i| (owner.clone(), i.id.clone(), m, prepare(i, assumptions))))
            .collect();
        let n = plan.measures.len();
        // (has a target, every indicator with a target is graded), per measure.
        let mut gradable = vec![(false, true); n];
        for (_, _, m, prep) in &prepared {
            if let (Some(m), Some(graded)) = (m, prep.graded()) {
                gradable[*m] = (true, gradable[*m].1 && graded);
            }
        }
        let grades = gradable.iter().map(|&(target, all)| (target && all).then_some(0)).collect::<Vec<_>>().repeat(draws);
        PlanRun { scale: Scale::of(plan), n, indicators: prepared.into_iter(), grades, scopes: scopes(plan).into_iter() }
    }
}

impl Run {
    pub fn new(assumptions: &Assumptions) -> Run {
        Run { sim: Simulation { assumptions: assumptions.clone(), scales: vec![], indicators: vec![], rollups: vec![] }, plan: None }
    }

    /// Does the next piece of the run over `dataset` (the same one every time); `false` once there is
    /// nothing left to do.
    pub fn step(&mut self, dataset: &Dataset) -> bool {
        let assumptions = &self.sim.assumptions;
        let draws = assumptions.draws.max(1) as usize;
        // Plans are done in order, so the one in progress is the next one without a scale.
        let plan_at = self.sim.scales.len();
        let Some(plan) = dataset.plans.get(plan_at) else { return false };
        let Some(run) = &mut self.plan else {
            self.plan = Some(PlanRun::new(plan, assumptions, draws));
            return true;
        };
        let n = run.n;
        if let Some((owner, indicator, measure, prep)) = run.indicators.next() {
            let mut rng = SplitMix64::new(assumptions.seed ^ fnv1a(&format!("{owner}/{indicator}")));
            let grades: &mut [Option<u8>] = &mut run.grades;
            let mut sink = |draw: usize, grade: usize| {
                if let Some(Some(slot)) = measure.map(|m| &mut grades[draw * n + m]) {
                    *slot = (*slot).max(grade as u8);
                }
            };
            let scale = &run.scale;
            let outcome = match prep {
                Prep::Numeric(numeric) => Outcome::Projected(numeric.run(scale, draws, assumptions.spread, &mut rng, &mut sink)),
                Prep::NotProjected(why) => Outcome::NotProjected(why),
                Prep::NoTarget => Outcome::NoTarget,
                Prep::Milestone => {
                    let (done, not_done) = (scale.grade(100.0), scale.grade(0.0));
                    for draw in 0..draws {
                        sink(draw, if rng.uniform() < assumptions.milestone_probability { done } else { not_done });
                    }
                    Outcome::Milestone { done, not_done }
                }
            };
            self.sim.indicators.push(IndicatorSim { plan: plan_at, owner, indicator, outcome });
        } else if let Some((scope, measures)) = run.scopes.next() {
            let grades: &[Option<u8>] = &run.grades;
            let grade = |d: usize, m: usize| grades[d * n + m].map(usize::from);
            self.sim.rollups.push(roll_up_scope(plan_at, scope, &measures, run.scale.grades.len(), draws, &grade));
        } else if let Some(run) = self.plan.take() {
            self.sim.scales.push(run.scale);
        }
        true
    }

    /// The result, once [`Run::step`] has returned `false`.
    pub fn finish(self) -> Simulation {
        self.sim
    }
}
