import { PageNotice, Screen } from '../../components/screen'

/** Where an unknown link lands (an old share, a mistyped address): says so, with the way home. */
export default function NotFoundPage() {
  return (
    <Screen>
      <PageNotice text="没有找到这个页面，链接可能已过期" home />
    </Screen>
  )
}
