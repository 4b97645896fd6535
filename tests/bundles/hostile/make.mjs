// Writes hostile.json: the real bundle with markup, script URLs, look-alike links and a 100 KB paragraph
// planted in every kind of string the app shows. It must still validate: the app has to render it inert.
// Run from the repository root: node tests/bundles/hostile/make.mjs
import { readFileSync, writeFileSync } from 'node:fs';

const bundle = JSON.parse(readFileSync('data/mongolia-2021-2023.json', 'utf8'));
export const PAYLOAD =
  ' <script>window.__pwned="script"</script><img src=x onerror="window.__pwned=\'img\'">' +
  '<svg onload="window.__pwned=\'svg\'"></svg><a href="javascript:window.__pwned=\'link\'">j</a>' +
  ' javascript:window.__pwned="text" data:text/html,<b>x</b> &amp; &lt;i&gt; "quoted" \'single\' } @misc{evil, ';

const plant = (text) => `${text}${PAYLOAD}`;

bundle.id = 'hostile';
for (const key of ['title', 'country', 'period', 'publisher', 'author', 'reference_note']) bundle[key] = plant(bundle[key]);
for (const section of bundle.sections) {
  if (section.heading) section.heading = plant(section.heading);
  section.paragraphs = section.paragraphs.map(plant);
  for (const observation of section.observations ?? []) {
    observation.title = plant(observation.title);
    observation.paragraphs = observation.paragraphs.map(plant);
  }
}
// A paragraph of 100 KB without a break opportunity every few words: it must wrap, not widen the page.
bundle.sections[0].paragraphs.push(`Long${'x'.repeat(40)} `.repeat(2400) + PAYLOAD);
for (const footnote of bundle.footnotes) footnote.citation = plant(footnote.citation);
for (const commitment of bundle.commitments) {
  const reference = commitment.reference;
  if (!reference) continue;
  reference.title = plant(reference.title);
  reference.lead_institutions = reference.lead_institutions.map(plant);
  reference.policy_areas = reference.policy_areas.map(plant);
}
// A spreadsheet formula where the scorecard CSV puts institutions.
bundle.commitments[0].reference.lead_institutions.unshift('=HYPERLINK("https://evil.example/","click")');
for (const fact of bundle.context_facts ?? []) fact.text = plant(fact.text);
writeFileSync(new URL('./hostile.json', import.meta.url), JSON.stringify(bundle, null, 1) + '\n');
