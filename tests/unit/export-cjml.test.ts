import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { db } from '../../lib/db';
import { cjmlJourney, CJML_NAMESPACE } from '../../lib/export/cjml';
import { gatherExport } from '../../lib/export/gather';
import { loadSampleStudy } from '../../lib/sample/sample-study';
import { drawStandIn } from './factories';

const asArray = <T>(value: T | T[] | undefined): T[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

describe('the CJML export', () => {
  it('is well-formed XML with actors, phases from the stages, and each touchpoint as communication or action', async () => {
    const study = await loadSampleStudy(drawStandIn);
    const contoso = (await db.journeys.where({ studyId: study.id }).toArray()).find((j) =>
      j.title.startsWith('Contoso'),
    )!;
    const data = await gatherExport({ journeyId: contoso.id });
    const xml = cjmlJourney(data, contoso);
    expect(XMLValidator.validate(xml)).toBe(true);

    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' }).parse(xml) as {
      journey: Record<string, never> & {
        '@xmlns': string;
        '@version': string;
        '@type': string;
        actors: { actor: { '@type': string; name: string }[] };
        journeyPhases: { journeyPhase: { '@id': string; name: string }[] };
        touchpoints: {
          actualCommunicationPoint?: Record<string, unknown>[] | Record<string, unknown>;
          actualAction?: Record<string, unknown>[] | Record<string, unknown>;
        };
      };
    };
    const journey = doc.journey;
    expect([journey['@xmlns'], journey['@version'], journey['@type']]).toEqual([CJML_NAMESPACE, '2.0', 'actual']);
    expect(journey.actors.actor.map((a) => a['@type'])).toEqual(['endUser', 'serviceProvider', 'partner']);
    expect(journey.journeyPhases.journeyPhase.map((p) => p.name)).toEqual(study.stages);
    const communications = asArray(journey.touchpoints.actualCommunicationPoint);
    const actions = asArray(journey.touchpoints.actualAction);
    expect(communications.length + actions.length).toBe(7);
    const call = communications.find((c) => c.name === 'Phone call to remove the add-on')!;
    expect(call).toMatchObject({ channel: 'Phone', initiator: { '@ref': 'persona' }, receiver: { '@ref': 'company' } });
    expect(call.touchpointExperience).toMatchObject({
      emotion: -2,
      description: '14 minutes on hold to untick one box',
    });
    expect(actions.map((a) => a.name)).toContain('Instant quote');
  });

  it('escapes user text, so a title cannot break or inject XML', async () => {
    const study = await loadSampleStudy(drawStandIn);
    const [journey] = await db.journeys.where({ studyId: study.id }).toArray();
    const data = await gatherExport({ journeyId: journey!.id });
    data.touchpoints[0]!.title = '</name><injected/>&<![CDATA[x]]>\u0001\u0000';
    const xml = cjmlJourney(data, journey!);
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).not.toContain('<injected/>');
  });
});
