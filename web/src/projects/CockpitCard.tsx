// 我的包挂项目 on the cockpit: the signed-in leader's projects as 包挂领导, each with its
// light, stage and lateness as the battle map judges them at the zone's date — the
// project list's own answer (`GET /api/projects?mine=true`), nothing recomputed here.
// A leader who is 包挂领导 of no project sees no card at all.
import { Link } from 'react-router-dom';
import { Card, Tag } from 'antd';
import { usePT } from './i18n';
import { StatusTag } from './parts';
import { useProjectList } from './queries';
import './projects.css';

/** At most this many on the card; the list behind 项目清单 has the rest. */
const SHOWN = 100;

export function MyProjectsCard() {
  const pt = usePT();
  const q = useProjectList({ mine: 'true', page: 1, pageSize: SHOWN });
  const d = q.data;
  if (!d || d.total === 0) return null;
  return (
    <Card
      size="small"
      variant="borderless"
      title={
        <span>
          {pt('mine.title')} <span className="gj-pj-muted">{pt('mine.count', { n: d.total })}</span>
        </span>
      }
      extra={<Link to="/projects/list">{pt('mine.more')}</Link>}
      data-testid="ck-my-projects"
    >
      <ul className="gj-pj-mine">
        {d.items.map((p) => {
          const behindRules = p.findings.filter((f) => f.status === 'behind').length;
          return (
            <li key={p.id} data-testid="ck-my-project">
              <Link to={`/projects/p/${p.id}`} className="gj-pj-mine-name">
                {p.keyProject && <Tag color="red">{pt('key')}</Tag>}
                {p.name}
              </Link>
              <span className="gj-pj-mine-meta">
                <StatusTag status={p.status} />
                <Tag>{pt(`stage.${p.stage}`)}</Tag>
                {p.slipDays > 0 && <span className="gj-pj-slip" data-testid="ck-my-project-slip">{pt('col.slip')} {pt('workdays', { n: p.slipDays })}</span>}
                {behindRules > 0 && <span className="gj-pj-slip">{pt('mine.rulesBehind', { n: behindRules })}</span>}
              </span>
            </li>
          );
        })}
      </ul>
    </Card>
  );
}
