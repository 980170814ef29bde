import { countsByService } from '@/lib/smells/smell-links';
import { SEVERITIES, type SmellsResponse } from '@/lib/smells/types';

import styles from './smells.module.css';

interface SmellSummaryProps {
  response: SmellsResponse;
  names: Map<string, string>;
}

const TOP_SERVICES = 10;

// Counts by severity, by smell and by service: where to look first.
export function SmellSummary({ response, names }: SmellSummaryProps) {
  const { bySeverity, byCode } = response.counts;
  const perService = [...countsByService(response.findings)]
    .sort((a, b) => b[1] - a[1] || (names.get(a[0]) ?? a[0]).localeCompare(names.get(b[0]) ?? b[0]))
    .slice(0, TOP_SERVICES);
  return (
    <div className={styles.summary} data-testid="smell-summary">
      <p>
        {SEVERITIES.map((s) => (
          <span key={s} className={`${styles.badge} ${styles[s]}`}>
            {bySeverity[s] ?? 0} {s}
          </span>
        ))}
      </p>
      <details>
        <summary>By smell and by service</summary>
        <div className={styles.tables}>
          <table>
            <caption>Findings per smell</caption>
            <tbody>
              {Object.entries(byCode)
                .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
                .map(([code, n]) => (
                  <tr key={code}>
                    <td>{code}</td>
                    <td>{n}</td>
                  </tr>
                ))}
            </tbody>
          </table>
          <table>
            <caption>Findings per service (top {TOP_SERVICES})</caption>
            <tbody>
              {perService.map(([id, n]) => (
                <tr key={id}>
                  <td>
                    <span className={styles.cellText} title={names.get(id) ?? id}>
                      {names.get(id) ?? id}
                    </span>
                  </td>
                  <td>{n}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </div>
  );
}
