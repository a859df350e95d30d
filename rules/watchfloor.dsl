# watchfloor's rule language: near-English phrases for rules written in .dslr files.
# Each line maps a phrase (left of "=") to Drools rule language (right). {name} is a placeholder: what the admin
# writes there is put into the right-hand side. Longer phrases come first: the first phrase that matches wins.
#
# Conditions ([when]). In "by A on B", a single capital letter is a variable: any country, and the same letter names
# the same country in the conditions that follow. Three capitals are that country: "by PAK on IND" matches Pakistan
# acting on India only. Letters and codes can be mixed ("by A on IND"). watchfloor checks each of them when it
# compiles the rules (an unknown code, or a word that is neither, is an error at its line).
# "is followed within" pairs a report of one move with a report of the other when at least one of the two is a first
# report (see SignalFact.firstReport). It is written as two alternatives (the first move's report is a first report;
# else the second's) so that one side of each join is narrowed to first reports before the other is searched: in a
# long war most reports are not first reports, and a single join with "$first.firstReport || firstReport" checked
# each new report against every report of the other side the rules held (up to 45 days of them).
[when]a {type} by {a} on {b} is followed within {n} days by a {type2} by {b2} on {a2}=( ( $first : SignalFact( type == "{type}", !planned, actor != null, actor != target, actorIs("{a}"), targetIs("{b}"), firstReport, ${a} : actor, ${b} : target ) and $second : SignalFact( type == "{type2}", !planned, actor == ${b2}, target == ${a2}, follows( $first, {n} ) ) ) or ( $first : SignalFact( type == "{type}", !planned, actor != null, actor != target, actorIs("{a}"), targetIs("{b}"), !firstReport, ${a} : actor, ${b} : target ) and $second : SignalFact( type == "{type2}", !planned, actor == ${b2}, target == ${a2}, firstReport, follows( $first, {n} ) ) ) )
[when]a planned {type} by {a} on {b}=$first : SignalFact( type == "{type}", planned, actor != null, actor != target, actorIs("{a}"), targetIs("{b}"), ${a} : actor, ${b} : target )
[when]a {type} between {a} and {b}=$first : SignalFact( type == "{type}", !planned, actor != null, actor != target, isBetween("{a}", "{b}"), ${a} : actor, ${b} : target )
[when]a {type} by {a} on {b}=$first : SignalFact( type == "{type}", !planned, actor != null, actor != target, actorIs("{a}"), targetIs("{b}"), ${a} : actor, ${b} : target )
[when]an escalation between them within {n} days before=exists SignalFact( escalation, !planned, firstReport, pair == $first.pair, event != $first.event, this before[0d,{n}d] $first )
[when]no escalation between them within {n} days before=not SignalFact( escalation, !planned, firstReport, pair == $first.pair, event != $first.event, this before[0d,{n}d] $first )
# "them" is the pair of the first condition; the escalation must be another event than the one that condition matched
# (not the same signal, nor another report of it).
# Only first reports are searched: every event the rules hold keeps its first report (the first of it to arrive; all
# reports of an event are forgotten together), so the answer is the same without searching a war's repeated reports.
#
# Actions ([then]). The alert's evidence is every signal the conditions matched; its date the latest of them.
[then]raise a {severity} {category} alert of type {alertType}=alerts.raise(drools).severity("{severity}").category("{category}").type("{alertType}");
[then]raise an {severity} {category} alert of type {alertType}=alerts.raise(drools).severity("{severity}").category("{category}").type("{alertType}");
[then]raise an {severity} {category} alert=alerts.raise(drools).severity("{severity}").category("{category}").type($first.getType());
[then]raise a {severity} {category} alert=alerts.raise(drools).severity("{severity}").category("{category}").type($first.getType());
