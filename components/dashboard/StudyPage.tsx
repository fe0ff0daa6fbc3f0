import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '@/lib/db';
import { AllowListEditor } from '../sidepanel/AllowListEditor';
import { PrivacySettings } from '../sidepanel/PrivacySettings';
import { ExportMenu } from '../export/ExportMenu';
import { useDashboard } from './context';
import { JourneysTable } from './JourneysTable';
import { Link } from './Link';
import { PersonasSection } from './PersonasSection';
import { PromisesEditor } from './PromisesEditor';
import { StageEditor } from './StageEditor';

/** A study: its personas, its journeys, and its settings. */
export function StudyPage({ studyId }: { studyId: string }) {
  const { error, toast } = useDashboard();
  const study = useLiveQuery(async () => (await db.studies.get(studyId)) ?? null, [studyId]);
  if (study === undefined) return null;
  if (study === null) return <p className="empty">This study no longer exists.</p>;
  return (
    <article className="page" aria-labelledby="study-heading">
      <header className="page-head">
        <div>
          <h1 id="study-heading" tabIndex={-1}>
            {study.name}
          </h1>
          <p className="muted">{[study.company, ...study.siteUrls].filter(Boolean).join(' · ')}</p>
          {study.description && <p>{study.description}</p>}
          <p>
            <Link to={{ page: 'overview', studyId }}>Study overview</Link>: every journey by stage, and the top friction
          </p>
        </div>
        <ExportMenu scope={{ studyId }} label="Export study" onError={error} />
      </header>
      <JourneysTable study={study} />
      <PersonasSection studyId={study.id} />
      <section className="card-section" aria-labelledby="settings-heading">
        <h2 id="settings-heading">Study settings</h2>
        <StageEditor study={study} />
        <PromisesEditor study={study} />
        <AllowListEditor studyId={study.id} />
        <PrivacySettings studyId={study.id} onError={error} onToast={toast} />
      </section>
    </article>
  );
}
