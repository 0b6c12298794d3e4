// A manifest that imports a function's code, and through it the SDK: the build must refuse to load it.
import { db } from '../../../cloudfunctions/common/cloud'

export const MANIFESTS = { broken: { name: 'broken', db } }
