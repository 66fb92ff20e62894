// The Kasi's list views in the Temporal Web UI leave training cases (simulasi kasus) out: each query asks
// for cases without SigapTraining, which the dev server's visibility and a cluster's both answer.
import { uiLinks } from '../../temporal/ui-links';

test('every list view of a region is real work only', () => {
  const links = uiLinks('http://localhost:8233', 'default', '64.72', new Date('2026-12-01T00:00:00Z'));
  expect(links.length).toBeGreaterThan(5);
  for (const l of links) {
    expect(l.query).toMatch(/ AND SigapTraining IS NULL$/);
    expect(decodeURIComponent(l.url.split('query=')[1]!)).toBe(l.query);
  }
});
