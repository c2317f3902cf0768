#!/usr/bin/env node
/**
 * Benchmark: the leadership reports' domain work at the scale of issue 11 (about 100,000 people in
 * 1,011 teams, 30 roles on 5 tracks, 50 skills): rolling the skill rollups up the team tree, and
 * deciding which figures to suppress (k = 5), side by side with the rollup alone as the baseline.
 * The rows are synthetic (a fixed seed), shaped like the database's rollups: per (team, role) a
 * headcount, per (team, role, skill) people per level.
 *
 *   npm run build --workspace=@trellis/domain && npm run bench:reports --workspace=@trellis/bench
 *
 * Settings: BENCH_ROUNDS (default 3; the median is printed), BENCH_FILTER_SKILLS (default 5: skills in
 * the team × track/role run, which costs much more per skill; 50 for all).
 * Times are CPU milliseconds of this process (the machine is shared; wall time is printed too).
 */
import { rollUp, skillReport, teamHierarchy } from '@trellis/domain';

const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const filterSkills = Number(process.env.BENCH_FILTER_SKILLS ?? 5);

function seeded(seed) {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function organisation(skillCount) {
  const r = seeded(11);
  const teams = [{ id: 'org-root', parentId: null, name: 'Company' }];
  const leaves = [];
  for (let a = 0; a < 10; a++) {
    teams.push({ id: `d${a}`, parentId: 'org-root', name: `Division ${a}` });
    for (let b = 0; b < 10; b++) {
      teams.push({ id: `d${a}-${b}`, parentId: `d${a}`, name: `Department ${a}.${b}` });
      for (let c = 0; c < 9; c++) {
        teams.push({ id: `d${a}-${b}-${c}`, parentId: `d${a}-${b}`, name: `Team ${a}.${b}.${c}` });
        leaves.push(`d${a}-${b}-${c}`);
      }
    }
  }
  const tracks = [0, 1, 2, 3, 4].map((t) => ({ id: `track-${t}`, name: `Track ${t}` }));
  const skills = Array.from({ length: skillCount }, (_, s) => ({ id: `skill-${s}`, name: `Skill ${s}`, categoryId: `cat-${s % 6}` }));
  const roles = [];
  for (const track of tracks) {
    for (let level = 1; level <= 6; level++) {
      const expectations = {};
      for (const skill of skills) if (r() < 0.5) expectations[skill.id] = Math.min(5, 1 + Math.floor(r() * level));
      roles.push({ id: `${track.id}-level-${level}`, title: `${track.name} ${level}`, trackId: track.id, expectations });
    }
  }
  const catalogue = { skills, categories: [0, 1, 2, 3, 4, 5].map((c) => ({ id: `cat-${c}`, name: `Category ${c}` })), tracks, roles, levels: [1, 2, 3, 4, 5] };
  const headcounts = [];
  const skillLevels = [];
  const place = (teamId, roleId, people) => {
    headcounts.push({ teamId, roleId, people });
    for (const skill of skills) {
      const atLevel = [0, 0, 0, 0, 0];
      for (let p = 0; p < people; p++) if (r() < 0.9) atLevel[Math.floor(r() * 5)]++;
      if (atLevel.some((n) => n > 0)) skillLevels.push({ teamId, roleId, skillId: skill.id, atLevel });
    }
  };
  let people = 0;
  for (const leaf of leaves) {
    // Each team works on one track mostly, a few people from another: several small role groups.
    const track = Math.floor(r() * 5);
    let left = 95 + Math.floor(r() * 30);
    people += left;
    while (left > 0) {
      const onTrack = r() < 0.85 ? track : Math.floor(r() * 5);
      const roleId = `track-${onTrack}-level-${1 + Math.floor(r() * 6)}`;
      const n = Math.min(left, 1 + Math.floor(r() * 25));
      place(leaf, roleId, n);
      left -= n;
    }
  }
  for (const team of teams.filter((t) => !leaves.includes(t.id))) {
    place(team.id, `track-${Math.floor(r() * 5)}-level-6`, 1 + Math.floor(r() * 3));
    people++;
  }
  return { teams, catalogue, headcounts, skillLevels, people };
}

function measure(run) {
  const samples = [];
  let result;
  for (let i = 0; i < rounds; i++) {
    const cpu = process.cpuUsage();
    const start = performance.now();
    result = run();
    samples.push({ cpu: process.cpuUsage(cpu).user / 1000, wall: performance.now() - start });
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  return { cpu: median(samples.map((s) => s.cpu)), wall: median(samples.map((s) => s.wall)), result };
}

const all = organisation(50);
const some = organisation(filterSkills);
console.log(`${all.people} people, ${all.teams.length} teams, ${all.catalogue.roles.length} roles, ${all.headcounts.length} headcount rows, ${all.skillLevels.length} skill-level rows; k = 5; median of ${rounds}`);

const hierarchy = teamHierarchy(all.teams);
const rows = all.skillLevels.map((r) => ({ teamId: r.teamId, roleId: r.roleId, key: r.skillId, values: r.atLevel }));
const runs = [
  ['baseline: roll 50 skills up the teams (no suppression)', () => rollUp(rows, 5, hierarchy, all.catalogue, { filters: false }), 50],
  ['baseline: roll 50 skills up teams × track/role', () => rollUp(rows, 5, hierarchy, all.catalogue, { filters: true }), 50],
  ['skill report, teams × skills (filters off)', () => skillReport({ ...all, k: 5, filters: false }), 50],
  [`skill report, teams × track/role × skills (${filterSkills} skills)`, () => skillReport({ ...some, k: 5, filters: true }), filterSkills],
];
const table = [['run', 'cells', 'cpu ms', 'cpu ms per skill', 'wall ms', 'suppressed']];
for (const [name, run, skills] of runs) {
  const { cpu, wall, result } = measure(run);
  const cells = result instanceof Map ? result.size : result.cells.size;
  const suppressed = result instanceof Map ? '' : `${Math.round((100 * result.assessedSuppressed.size) / result.cells.size)}% of people-assessed cells`;
  table.push([name, String(cells), cpu.toFixed(0), (cpu / skills).toFixed(1), wall.toFixed(0), suppressed]);
}
const widths = table[0].map((_, i) => Math.max(...table.map((row) => row[i].length)));
for (const row of table) console.log(row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  '));
