/**
 * Game Design Documents (BMAD's game module writes one where the method writes a PRD),
 * seen in a real BMAD game project: "Game Design Document" in the title is not a
 * technical "design document", and a GDD without numbered requirements is a warning.
 * Minimal documents written for this project.
 */
import { describe, expect, it } from 'vitest';
import { validateRepository } from '../../../src/pipeline/spec/index.js';
import { memorySource, specsConfig } from './helpers.js';

const gdd = (head: string[]) =>
  [...head, '## Executive Summary', 'A text RPG.', '## Core Gameplay', 'Explore, fight, talk.', '## Game Mechanics', 'Dice rolls decide.', '## Development Epics', '### Epic 1: Engine', 'Locations and saves.', ''].join('\n');

describe('game design documents', () => {
  it('a "Game Design Document" title or `workflowType: gdd` makes a PRD, not a technical spec; missing numbered requirements are warnings', async () => {
    for (const doc of [gdd(['# Moonfall - Game Design Document', '']), gdd(['---', "workflowType: 'gdd'", '---', '# Moonfall', ''])]) {
      const result = await validateRepository(memorySource({ 'docs/game.md': doc }), specsConfig());
      expect(result.specs.map((s) => s.type)).toEqual(['prd']);
      const found = result.diagnostics.filter((d) => d.rule === 'prd.fr.none' || d.rule === 'prd.section.requirements' || d.rule === 'ts.design.none');
      expect(found.map((d) => `${d.rule}:${d.severity}`).sort()).toEqual(['prd.fr.none:warning', 'prd.section.requirements:warning']);
    }
  });

  it('a PRD without numbered requirements is still an error', async () => {
    const prd = ['# Moonfall - Product Requirements Document', '', '## Goals', 'Ship it.', '## Features', 'Explore.', ''].join('\n');
    const result = await validateRepository(memorySource({ 'docs/prd.md': prd }), specsConfig());
    expect(result.diagnostics.filter((d) => d.rule === 'prd.fr.none').map((d) => d.severity)).toEqual(['error']);
  });
});
