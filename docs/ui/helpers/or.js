'use strict'

// Returns the first truthy argument; Handlebars passes its options object last.
module.exports = (...args) => args.slice(0, -1).find((it) => it) || ''
