export default definePageConfig({ navigationBarTitleText: '基层党建助手' })
