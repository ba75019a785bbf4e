// Load the Cytoscape.js elements export headless and check what it holds.
const fs = require("fs");
const path = require("path");
const out = process.argv[2];
const cytoscape = require(path.resolve(out, "node/node_modules/cytoscape"));
const data = JSON.parse(fs.readFileSync(path.join(out, "graph.cyjs"), "utf8"));
const cy = cytoscape({ headless: true, elements: data.elements });
const fail = (msg) => { console.error(msg); process.exit(1); };
if (cy.nodes().length !== data.elements.nodes.length) fail("node count differs");
if (cy.edges().length !== data.elements.edges.length) fail("edge count differs");
const seed = cy.nodes().filter((n) => n.data("number") === "208/KH-UBND" && n.data("parsed"));
if (seed.length !== 1) fail("the seed is not there once");
const up = seed.outgoers("edge").filter((e) => e.data("type") === "implements");
if (up.length !== 1 || up.target().data("number") !== "500-KH/TU") fail("the seed does not implement 500-KH/TU");
console.log(`cytoscape ${cytoscape.version} loaded graph.cyjs (${cy.nodes().length} nodes, ${cy.edges().length} edges): ok`);
