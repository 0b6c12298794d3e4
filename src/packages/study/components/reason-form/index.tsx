export { ReasonForm, type ReasonFormProps } from '../../../../components/reason-form'
