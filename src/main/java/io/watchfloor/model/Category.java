package io.watchfloor.model;

public enum Category { ESCALATION, DEESCALATION }
