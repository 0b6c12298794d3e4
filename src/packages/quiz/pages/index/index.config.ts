export default definePageConfig({ navigationBarTitleText: '党建考核' })
