export default definePageConfig({ navigationBarTitleText: '承诺书', pageOrientation: 'auto' })
