export default definePageConfig({ navigationBarTitleText: '讲师队伍' })
