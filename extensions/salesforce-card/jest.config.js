// sfdx-lwc-jest runs from this folder (its sfdx-project.json); the config is the repository's
// jest.lwc.config.js.
module.exports = require('../../jest.lwc.config.js');
