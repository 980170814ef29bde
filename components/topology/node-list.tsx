'use client';

import { KIND_LABELS } from './node-shapes';
import type { Scene } from './scene';

interface NodeListProps {
  scene: Scene;
  matches: ReadonlySet<string>;
  focus: string | null;
  onSelect: (id: string) => void;
}

// The canvas is a picture to assistive technology, so every node is also a real button in
// a visually hidden list: screen readers can browse the services, the keyboard can select
// one, and tests find nodes by name or data-testid. Names are React text, never HTML.
// data-x/data-y are layout coordinates; with the canvas's data-transform they locate the
// node on screen.
export function NodeList({ scene, matches, focus, onSelect }: NodeListProps) {
  return (
    <ul className="sr-only" aria-label="Services and dependencies" data-testid="node-list">
      {scene.nodes.map((n) => (
        <li key={n.id}>
          <button
            type="button"
            data-testid={`node-${n.id}`}
            data-x={n.x.toFixed(2)}
            data-y={n.y.toFixed(2)}
            data-highlighted={matches.has(n.id) ? 'true' : undefined}
            aria-pressed={focus === n.id}
            title={n.name}
            onClick={() => onSelect(n.id)}
          >
            {n.name}
            <span>{`, ${KIND_LABELS[n.kind].toLowerCase()}`}</span>
            {matches.has(n.id) && <span>, highlighted</span>}
          </button>
        </li>
      ))}
    </ul>
  );
}
