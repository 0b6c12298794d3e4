import { useState } from 'react'

import type { Outcome } from '../../../stores/admin-outcome'
import { useVisitStore } from '../../../stores/visit.store'

/**
 * What the staff pages share: which request has an open panel (派单, 不受理, 无法前往, 完成服务), the last
 * refusal per request, and the phone and address revealed on tap.
 */
export function useVisitActions<P extends string>() {
  const [open, setOpen] = useState<{ id: string; panel: P } | null>(null)
  const [error, setError] = useState<{ id: string; message: string } | null>(null)
  const reveal = useVisitStore((s) => s.reveal)
  const contacts = useVisitStore((s) => s.contacts)
  const busy = useVisitStore((s) => s.busy)

  /** Runs a change for a request, closing its panel when it succeeds and showing the refusal when not. */
  const run = async <T>(id: string, change: () => Promise<Outcome<T>>) => {
    const outcome = await change()
    setError(outcome.ok ? null : { id, message: outcome.message })
    // Only this request's panel closes: another opened meanwhile (完成服务 while 接单 was on its way) stays open.
    if (outcome.ok) setOpen((o) => (o?.id === id ? null : o))
    return outcome
  }
  return {
    busy,
    contacts,
    panelOf: (id: string) => (open?.id === id ? open.panel : null),
    openPanel: (id: string, panel: P | null) => setOpen(panel === null ? null : { id, panel }),
    errorOf: (id: string) => (error?.id === id ? error.message : null),
    run,
    reveal: (id: string) => run(id, () => reveal(id)),
  }
}
