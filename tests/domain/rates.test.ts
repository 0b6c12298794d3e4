import { formatPercent, formatRate, rateTenths } from '../../cloudfunctions/domain/rates'

/** One rule for every rate on screen: one decimal, half up, with its counts; 0/0 is —. */
describe('rates', () => {
  it('rounds half up to one decimal and shows the counts', () => {
    expect(formatRate(2, 3)).toBe('66.7%（2/3）')
    expect(formatRate(1, 3)).toBe('33.3%（1/3）')
    expect(formatRate(1, 8)).toBe('12.5%（1/8）')
    expect(formatRate(1, 16)).toBe('6.3%（1/16）')
    expect(formatRate(3, 16)).toBe('18.8%（3/16）')
    expect(formatRate(1, 14)).toBe('7.1%（1/14）')
    expect(formatRate(1, 15)).toBe('6.7%（1/15）')
  })

  it('keeps the decimal on whole and tiny rates', () => {
    expect(formatRate(1, 2)).toBe('50.0%（1/2）')
    expect(formatRate(3, 3)).toBe('100.0%（3/3）')
    expect(formatRate(0, 7)).toBe('0.0%（0/7）')
    expect(formatRate(1, 2001)).toBe('0.0%（1/2001）')
    expect(formatRate(1, 2000)).toBe('0.1%（1/2000）')
  })

  it('shows a rate over nobody as —', () => {
    expect(formatRate(0, 0)).toBe('—')
    expect(formatPercent(0, 0)).toBe('—')
    expect(rateTenths(0, 0)).toBeNull()
  })

  it('matches exact half-up rounding of the fraction for every small case', () => {
    for (let whole = 1; whole <= 60; whole++) {
      for (let part = 0; part <= whole; part++) {
        // Exact: compare 10·(part/whole·1000) against the candidate's bounds in integers.
        const t = rateTenths(part, whole)!
        expect(2 * part * 1000 >= (2 * t - 1) * whole).toBe(true)
        expect(2 * part * 1000 < (2 * t + 1) * whole).toBe(true)
      }
    }
  })
})
