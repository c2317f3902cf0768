import type { PointsLevelling } from './document.js';

/**
 * The built-in PMO framework's points rule, so the demo (and a framework made from the template) shows
 * "What level am I?" with real figures: each of the 30 skills earns 1, 3, 6, 10 or 15 points at levels
 * 1–5 (cumulative), and five levels, each with Monzo-style sub-levels, are set where the PMO core
 * ladder's expectations land (PMO Analyst's 93 points → P2 · C, Senior PMO Analyst's 156 → P3 · B,
 * PMO Manager's 223 → P4 · A; named P1–P5, apart from the skills' "Level 2 · Practised"). An example to change or remove in the editor's Levelling tab.
 */
const steps = (names: string[], from: number, step: number) => names.map((name, i) => ({ name, minPoints: from + i * step }));

export const pmoLevelling: PointsLevelling = {
  kind: 'points',
  pointsByLevel: { '1': 1, '2': 3, '3': 6, '4': 10, '5': 15 },
  levels: [
    { minPoints: 0, name: 'P1', subLevels: steps(['A', 'B', 'C'], 0, 20) },
    { minPoints: 60, name: 'P2', subLevels: steps(['A', 'B', 'C', 'D', 'E'], 60, 15) },
    { minPoints: 135, name: 'P3', subLevels: steps(['A', 'B', 'C', 'D', 'E'], 135, 15) },
    { minPoints: 210, name: 'P4', subLevels: steps(['A', 'B', 'C', 'D'], 210, 20) },
    { minPoints: 290, name: 'P5', subLevels: steps(['A', 'B', 'C'], 290, 30) },
  ],
  titles: [
    { title: 'Associate', minPoints: 0, maxPoints: 59 },
    { title: 'Analyst', minPoints: 60, maxPoints: 134 },
    { title: 'Senior analyst', minPoints: 135, maxPoints: 209 },
    { title: 'Manager', minPoints: 210, maxPoints: 289 },
    { title: 'Head of function', minPoints: 290 },
  ],
};
