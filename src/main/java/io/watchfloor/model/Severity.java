package io.watchfloor.model;

public enum Severity { INFO, WARNING, CRITICAL }
