'use client';

import { useEffect, useState } from 'react';

interface SearchBoxProps {
  value: string;
  matchCount: number;
  onChange: (value: string) => void;
  /** Enter selects the first match. */
  onSubmit: () => void;
}

export function SearchBox({ value, matchCount, onChange, onSubmit }: SearchBoxProps) {
  const [draft, setDraft] = useState(value);
  useEffect(() => setDraft(value), [value]); // back/forward changes the URL under us

  const handleChange = (e: React.ChangeEvent<HTMLInputElement>) => {
    setDraft(e.target.value);
    onChange(e.target.value);
  };
  const handleKeyDown = (e: React.KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') onSubmit();
  };

  return (
    <div className="search-box" role="search">
      <input
        type="search"
        aria-label="Search services"
        placeholder="Search services…"
        value={draft}
        onChange={handleChange}
        onKeyDown={handleKeyDown}
        data-testid="search"
      />
      {draft.trim() && (
        <span className="muted" data-testid="search-count" aria-live="polite">
          {matchCount === 1 ? '1 match' : `${matchCount} matches`}
        </span>
      )}
    </div>
  );
}
