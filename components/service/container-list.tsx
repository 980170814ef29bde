import type { GraphContainer } from '@/lib/graph/types';

export function ContainerList({ containers }: { containers: GraphContainer[] }) {
  return (
    <section data-testid="containers">
      <h3>
        Containers <span className="muted">({containers.length})</span>
      </h3>
      {containers.length === 0 ? (
        <p className="muted">No containers known for this node.</p>
      ) : (
        <ul className="container-list">
          {containers.map((c) => (
            <li key={c.id} data-testid="container">
              <strong className="truncate" title={c.name}>
                {c.name}
              </strong>{' '}
              <code>{c.tag ? `${c.image}:${c.tag}` : c.image}</code>
              <span className={`state state-${c.state}`}> {c.state}</span>
              {c.health && <span className="muted"> · {c.health}</span>}
              {c.networks.length > 0 && (
                <div className="muted">
                  networks:{' '}
                  {c.networks
                    .map((n) => `${n.name}${n.ips.length ? ` (${n.ips.join(', ')})` : ''}`)
                    .join('; ')}
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
