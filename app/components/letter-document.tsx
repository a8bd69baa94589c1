import { Fragment, type ReactNode } from 'react'
import type { ComposedLetter, Fact, LetterBlock } from '~/domain/letters'

/**
 * A stored letter as semantic HTML: the same snapshot, the same text and the same order as the
 * PDF (app/services/letters/pdf.server.ts), so what the citizen reads on screen is what the PDF
 * says. The letter carries its own `lang`: a Dutch letter on an English page is read as Dutch.
 */
export function LetterDocument({
  letter,
  labelledBy = 'letter-title',
}: {
  letter: ComposedLetter
  labelledBy?: string
}) {
  return (
    <article
      lang={letter.language}
      aria-labelledby={labelledBy}
      className="letter border-2 border-line bg-white p-5 md:p-10"
    >
      <header className="flex items-start gap-3">
        <svg aria-hidden="true" width="36" height="36" viewBox="0 0 36 36" className="mt-1 shrink-0">
          <rect width="36" height="36" rx="4" fill="#154273" />
          <path d="M8 27V14l10-6 10 6v13h-6v-7h-8v7z" fill="#fff" />
        </svg>
        <div>
          <p className="text-xl font-bold text-brand">{letter.sender.name}</p>
          <p className="mt-1 text-sm text-muted">
            <Lines lines={letter.sender.lines} />
          </p>
        </div>
      </header>

      <p className="mt-8">
        <Lines lines={[letter.recipient.name, ...letter.recipient.lines]} />
      </p>

      <Facts items={letter.details} className="mt-8" />

      <h1 id={labelledBy} className="mt-8 text-2xl text-brand md:text-3xl">
        {letter.title}
      </h1>
      <p className="mt-6">{letter.salutation}</p>
      {letter.blocks.map((block, index) => (
        <Block key={index} block={block} />
      ))}
      <p className="mt-8">{letter.closing.greeting}</p>
      <p className="mt-4">
        <Lines lines={letter.closing.signature} />
      </p>
    </article>
  )
}

function Lines({ lines }: { lines: string[] }) {
  return (
    <>
      {lines.map((line, index) => (
        <Fragment key={index}>
          {index > 0 ? <br /> : null}
          {line}
        </Fragment>
      ))}
    </>
  )
}

function Facts({ items, className = '' }: { items: Fact[]; className?: string }) {
  return (
    <dl className={`grid gap-x-6 gap-y-1 sm:grid-cols-[max-content_1fr] ${className}`}>
      {items.map((item, index) => (
        <Fragment key={index}>
          <dt className="font-bold">{item.label}</dt>
          <dd className="m-0">{item.value}</dd>
        </Fragment>
      ))}
    </dl>
  )
}

const URL_PATTERN = /(https?:\/\/\S+)/

/** A paragraph's web address becomes a link; the text stays exactly as written. */
function withLinks(text: string): ReactNode {
  const parts = text.split(URL_PATTERN)
  if (parts.length === 1) return text
  return parts.map((part, index) =>
    index % 2 === 1 ? (
      <a key={index} href={part} className="break-all">
        {part}
      </a>
    ) : (
      <Fragment key={index}>{part}</Fragment>
    ),
  )
}

function Block({ block }: { block: LetterBlock }) {
  switch (block.kind) {
    case 'heading':
      return <h2 className="mt-8 text-xl text-brand">{block.text}</h2>
    case 'paragraph':
      return <p className="mt-3">{withLinks(block.text)}</p>
    case 'list':
      return (
        <ul className="mt-3 list-disc space-y-1 pl-6">
          {block.items.map((item, index) => (
            <li key={index}>{item}</li>
          ))}
        </ul>
      )
    case 'facts':
      return <Facts items={block.items} className="mt-4 border-l-4 border-brand bg-brand-light p-4" />
  }
}
