export default definePageConfig({ navigationBarTitleText: '签订情况' })
