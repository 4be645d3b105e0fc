/**
 * What PMs call their columns, in the languages their sheets come in. Two layers:
 *
 * - exact names (any case, punctuation, accents, "(s)" and plural "s" ignored), from our sheet format and from
 *   MS Project's own localized field names (de, fr, es, pt, it, nl, ja, zh), which is what exports carry;
 * - keyword rules for everything else ("% OF TASK COMPLETE", "Dependencies (WBS #)", "Task Start Date"),
 *   tried in an order where the more specific rule wins ("Task Owner" is an owner, not a task name).
 *
 * An exact name is stronger evidence than a keyword; the header detector uses that to choose between two
 * columns that claim one field.
 */

export type TaskField =
  | 'id' | 'wbs' | 'name' | 'start' | 'finish' | 'baselineStart' | 'baselineFinish' | 'actualStart' | 'actualFinish'
  | 'percent' | 'budget' | 'actualCost' | 'predecessors' | 'milestone' | 'owner' | 'status' | 'notes'
  | 'duration' | 'outlineLevel' | 'summary' | 'project' | 'dates';

export const TASK_FIELDS: readonly TaskField[] = [
  'id', 'wbs', 'name', 'start', 'finish', 'baselineStart', 'baselineFinish', 'actualStart', 'actualFinish', 'percent', 'budget',
  'actualCost', 'predecessors', 'milestone', 'owner', 'status', 'notes', 'duration', 'outlineLevel', 'summary', 'project', 'dates',
];

/** Date fields; `dates` is one column holding a date or a range ("08.10.18 - 14.10.18 (KW 41)") for start and finish. */
export const DATE_FIELDS = ['start', 'finish', 'baselineStart', 'baselineFinish', 'actualStart', 'actualFinish', 'dates'] as const;

/** Exact task headings. The English ones are the documented sheet format (docs/sheet-format.md). */
export const TASK_HEADERS: Record<TaskField, string[]> = {
  id: [
    'ID', 'Task ID', '#', 'No', 'No.', 'Task #', 'Task No', 'Task Number', 'Unique ID', 'Nr', 'Nr.', 'Nummer', 'N°', 'Nº', '№',
    'Num', 'Número', 'Numero', 'Item No', 'Item #', 'S No', 'S.No', 'Sl No', 'Sr No', 'Ref', 'Line', 'Key', 'Issue Key',
    'Nr. Vorgang', 'Identificador', 'Identificação', 'Id. único', '番号', '項番', 'No.', '序号', '编号', '標識番号', '标识号',
  ],
  wbs: [
    'WBS', 'WBS ID', 'WBS Number', 'WBS No', 'WBS Code', 'WBS #', 'Outline Number', 'Outline No', 'PSP', 'PSP-Code',
    'PSP-Nr', 'Gliederungsnummer', 'Numéro hiérarchique', 'Code WBS', 'EDT', 'Número de esquema', 'EAP',
    'Número da estrutura de tópicos', 'Numero WBS', 'Numero struttura', 'Overzichtsnummer', 'アウトライン番号', 'WBS番号',
    '大纲数字', '大纲编号', 'WBS编号',
  ],
  name: [
    'Task', 'Task Name', 'Name', 'Activity', 'Activity Name', 'Deliverable', 'Description', 'Task Title', 'Title',
    'Task Description', 'Activity / Task', 'Task / Activity', 'Work Item', 'Summary Task', 'Step', 'Subject',
    'Vorgangsname', 'Vorgang', 'Aufgabe', 'Aufgabenname', 'Tätigkeit', 'Arbeitspaket', 'Bezeichnung',
    'Nom de la tâche', 'Nom', 'Tâche', 'Activité', 'Libellé',
    'Nombre de tarea', 'Nombre', 'Tarea', 'Actividad', 'Nombre de la tarea',
    'Nome da tarefa', 'Nome', 'Tarefa', 'Atividade',
    'Nome attività', 'Attività', 'Nome',
    'Taaknaam', 'Naam', 'Taak', 'Activiteit',
    'タスク名', 'タスク', '作業', '作業名', '作業項目', '項目', '名前', '件名',
    '任务名称', '任务', '任務名稱', '任務', '名称', '工作', '工作名称', '活动', '活动名称', '子模块', '模块',
    'Задача', 'Название задачи', 'Название', 'Наименование', 'Наименование работ', 'Этап', 'Работа', 'Мероприятие',
  ],
  start: [
    'Start', 'Start Date', 'Forecast Start', 'Current Start', 'Begin', 'Begin Date', 'Estimated Start', 'Projected Start',
    'Anfang', 'Beginn', 'Startdatum', 'Anfangstermin', 'Début', 'Date de début', 'Comienzo', 'Inicio', 'Fecha de inicio',
    'Início', 'Data de início', 'Data inicial', 'Inizio', 'Data inizio', 'Begindatum', 'Startdatum',
    '開始日', '開始', '開始日時', '着手日', '开始时间', '开始日期', '開始時間', '开始',
    'Начало', 'Дата начала', 'Начало этапа', 'Старт',
  ],
  finish: [
    'Finish', 'Finish Date', 'End', 'End Date', 'Forecast Finish', 'Forecast End', 'Due', 'Due Date', 'Current Finish',
    'Deadline', 'Completion Date', 'Target Date', 'Estimated Finish', 'Projected Finish', 'Estimated End',
    'Ende', 'Endtermin', 'Enddatum', 'Fertigstellung', 'Fälligkeit', 'Fällig', 'Termin', 'Fin', 'Date de fin', 'Échéance',
    'Fecha de fin', 'Fecha fin', 'Fecha de término', 'Vencimiento', 'Término', 'Data de término', 'Fim', 'Prazo', 'Data final',
    'Fine', 'Data fine', 'Scadenza', 'Einddatum', 'Eind', 'Einde', 'Opleverdatum',
    '終了日', '終了', '完了日', '期限', '期日', '完成时间', '结束日期', '完成日期', '結束時間', '结束时间', '截止日期', '完成',
    'Окончание', 'Дата окончания', 'Окончание этапа', 'Конец', 'Срок', 'Дата завершения',
  ],
  baselineStart: [
    'Baseline Start', 'BL Start', 'Planned Start', 'Plan Start', 'Target Start', 'Original Start', 'Baseline Start Date',
    'Planned Start Date', 'Geplanter Anfang', 'Basisplananfang', 'Anfang (geplant)', 'Soll-Anfang', 'Soll Start',
    'Début planifié', 'Début prévu', 'Comienzo previsto', 'Inicio previsto', 'Inicio planificado', 'Início da linha de base',
    'Início planejado', 'Início previsto', 'Inizio previsto', 'Inizio pianificato', 'Basislijnbegin', 'Geplande begindatum',
    '基準開始日', '予定開始日', '計画開始日', '开始计划', '比较基准开始时间', '计划开始时间', '计划开始日期', '計劃開始',
  ],
  baselineFinish: [
    'Baseline Finish', 'BL Finish', 'Planned Finish', 'Plan Finish', 'Plan End', 'Target End', 'Target Finish', 'Baseline End',
    'Planned End', 'Original Finish', 'Baseline Finish Date', 'Planned End Date', 'Planned Finish Date', 'Original Due Date',
    'Geplantes Ende', 'Basisplanende', 'Ende (geplant)', 'Soll-Ende', 'Fin planifiée', 'Fin prévue', 'Fin previsto',
    'Fin planificado', 'Término da linha de base', 'Término planejado', 'Término previsto', 'Fine prevista', 'Fine pianificata',
    'Basislijneinde', 'Geplande einddatum', '基準終了日', '予定終了日', '計画終了日', '比较基准完成时间', '计划完成时间',
    '计划结束日期', '計劃完成',
  ],
  actualStart: [
    'Actual Start', 'Actual Start Date', 'Act. Start', 'Aktueller Anfang', 'Ist-Anfang', 'Ist Anfang', 'Tatsächlicher Anfang',
    'Début réel', 'Comienzo real', 'Inicio real', 'Início real', 'Inizio effettivo', 'Werkelijke begindatum',
    'Werkelijk begin', '実績開始日', '実開始日', '实际开始时间', '实际开始日期', '實際開始',
  ],
  actualFinish: [
    'Actual Finish', 'Actual End', 'Actual Finish Date', 'Actual End Date', 'Act. Finish', 'Completed On', 'Date Completed',
    'Aktuelles Ende', 'Ist-Ende', 'Ist Ende', 'Tatsächliches Ende', 'Fin réelle', 'Fin real', 'Término real',
    'Fine effettiva', 'Werkelijke einddatum', 'Werkelijk einde', '実績終了日', '実終了日', '实际完成时间', '实际完成日期',
    '實際完成',
  ],
  percent: [
    'Progreso', 'Porcentaje de avance', '% Complete', 'Percent Complete', 'Pct Complete', 'Progress', '% Done', 'Complete', 'Percent Done', '% of Task Complete',
    'Completion', '% Completion', 'Progress %', '% Abgeschlossen', 'Fertigstellungsgrad', '% erledigt', 'Fortschritt',
    '% achevé', '% terminé', 'Avancement', '% completado', 'Porcentaje completado', '% Avance', 'Avance',
    '% concluída', '% concluído', 'Progresso', '% completamento', 'Avanzamento', '% voltooid', 'Percentage voltooid',
    'Voortgang', '達成率', '進捗率', '進捗', '完了率', '進捗状況', '完成百分比', '进度', '進度', '完成率',
    '% выполнения', 'Процент выполнения', 'Выполнено', 'Прогресс',
  ],
  budget: [
    'Budget', 'Baseline Cost', 'Planned Cost', 'BAC', 'Budget At Completion', 'Cost', 'Estimated Cost', 'Budgeted Cost',
    'Kosten', 'Geplante Kosten', 'Plankosten', 'Coût', 'Coût planifié', 'Costo', 'Coste', 'Presupuesto', 'Costo previsto',
    'Custo', 'Orçamento', 'Custo da linha de base', 'Costo previsto', 'Basislijnkosten', 'コスト', '予算', '基準コスト',
    '成本', '预算', '比较基准成本',
  ],
  actualCost: [
    'Actual Cost', 'Actuals', 'AC', 'Spent', 'Actual Spend', 'ACWP', 'Aktuelle Kosten', 'Ist-Kosten', 'Istkosten',
    'Coût réel', 'Costo real', 'Coste real', 'Custo real', 'Costo effettivo', 'Werkelijke kosten', '実績コスト',
    '实际成本', '實際成本',
  ],
  predecessors: [
    'Predecessors', 'Predecessor', 'Predecessor(s)', 'Depends On', 'Dependencies', 'Dependency', 'Preds', 'Prerequisites',
    'Vorgänger', 'Prédécesseurs', 'Prédécesseur', 'Predecesoras', 'Predecesora', 'Predecesores', 'Predecessoras',
    'Predecessores', 'Predecessori', 'Voorgangers', 'Voorganger', '先行タスク', '先行', '前置任务', '前置任務', '紧前任务',
    'Предшественники', 'Предшественник', 'Зависит от',
  ],
  milestone: ['Milestone?', 'Is Milestone', 'Milestone Flag', 'Is Milestone?', 'Meilenstein', 'Jalon', 'Hito', 'Marco', 'Mijlpaal', 'マイルストーン', '里程碑'],
  owner: [
    'Owner', 'Assigned To', 'Resource', 'Resource Names', 'Responsible', 'Assignee', 'Task Owner', 'Lead',
    'Asignado a', 'Asignado', 'Atribuído a', 'Assegnato a', 'Zugewiesen an', 'Assigné à', 'Toegewezen aan',
    'Ressourcennamen', 'Verantwortlich', 'Zuständig', 'Noms ressources', 'Responsable', 'Nombres de los recursos',
    'Nomes dos recursos', 'Responsável', 'Nomi risorse', 'Responsabile', 'Resourcenamen', 'Verantwoordelijke', 'Eigenaar',
    'リソース名', '担当者', '担当', '资源名称', '负责人', '負責人', 'Ответственный', 'Исполнитель', 'Ресурсы',
  ],
  status: ['Status', 'RAG', 'State', 'Zustand', 'Statut', 'État', 'Estado', 'Situação', 'Stato', '状態', 'ステータス', '状态', '狀態'],
  notes: [
    'Notes', 'Comments', 'Comment', 'Note', 'Remarks', 'Notizen', 'Bemerkungen', 'Kommentar', 'Anmerkungen', 'Remarques',
    'Commentaires', 'Notas', 'Comentarios', 'Observaciones', 'Observações', 'Comentários', 'Note', 'Commenti', 'Notities',
    'Opmerkingen', 'メモ', '備考', 'コメント', '备注', '注释', '備註',
  ],
  duration: [
    'Duration', 'Duration (days)', 'Days', 'Work Days', 'Working Days', 'Dauer', 'Durée', 'Duración', 'Duração', 'Durata',
    'Días', 'Dias', 'Tage', 'Jours', 'Giorni', 'Dagen',
    'Duur', '期間', '所要期間', '日数', '工期', '持续时间', 'Продолжительность', 'Длительность',
  ],
  outlineLevel: [
    'Outline Level', 'Level', 'Gliederungsebene', 'Ebene', 'Niveau hiérarchique', 'Niveau', 'Nivel de esquema', 'Nivel',
    'Nível da estrutura de tópicos', 'Nível', 'Livello struttura', 'Overzichtsniveau', 'アウトライン レベル', 'アウトラインレベル',
    '大纲级别',
  ],
  summary: ['Summary', 'Is Summary', 'Summary?', 'Sammelvorgang', 'Récapitulatif', 'Resumen', 'Resumo', 'Riepilogo', 'Overzicht', 'サマリー タスク', '摘要任务'],
  dates: ['Date', 'Dates', 'Datum', 'Termine', 'Zeitraum', 'Period', 'Timeframe', 'Time Frame', 'Date Range', 'When', 'Fecha', 'Fechas', 'Période', 'Periodo', 'Período', 'Periode', '日付', '日期', 'Даты', 'Дата', 'Период'],
  project: [
    'Project', 'Project Name', 'Project ID', 'Project Code', 'Projekt', 'Projektname', 'Projet', 'Nom du projet', 'Proyecto',
    'Projeto', 'Progetto', 'プロジェクト', 'プロジェクト名', '项目', '项目名称', '專案',
  ],
};

/**
 * Keyword rules for task headings no exact name covers, tried in this order on the heading's loose form
 * (lower case, accents dropped, punctuation as spaces). Words are matched whole; CJK words as substrings.
 */
export const TASK_KEYWORD_RULES: readonly { field: TaskField | 'ignore'; test: RegExp }[] = [
  { field: 'ignore', test: /\b(successors?|nachfolger|successeurs?|sucesoras?|sucessoras?|successori|opvolgers?)\b|後続|后续|後續/ },
  { field: 'predecessors', test: /\b(predecessors?|depend\w*|prerequisites?|vorganger\w*|predecesseurs?|predecesor\w*|predecessor\w*|voorgangers?|blocked by|waiting on)\b|先行|前置|紧前/ },
  { field: 'wbs', test: /\b(wbs|psp|outline number|gliederungsnummer)\b/ },
  { field: 'id', test: /\b(id|ids|identifier|identificador)\b|番号|编号|序号|識別/ },
  { field: 'percent', test: /\b(pct|percent\w*|progress|fortschritt|avancement|avance|progresso|avanzamento|voortgang)\b|\b(complete|completed|done|abgeschlossen|acheve|termine|completado|concluid[oa]|completamento|voltooid)\b.*\bpct\b|\bpct\b.*\b(complete|completed|done)\b|進捗|達成|完了率|完成百分比|进度|進度/ },
  { field: 'actualCost', test: /\b(actual|ist|reel|real|effettivo|werkelijke)\b.*\b(cost|costs|spend|kosten|cout|costo|coste|custo)\b|\bistkosten\b|実績コスト|实际成本/ },
  { field: 'budget', test: /\b(budget\w*|costs?|bac|kosten|cout|costo|coste|custo|presupuesto|orcamento)\b|予算|コスト|预算|成本/ },
  { field: 'outlineLevel', test: /\b(outline level|gliederungsebene|indent level)\b/ },
  { field: 'duration', test: /\b(duration|dauer|duree|duracion|duracao|durata|duur|days?|dias|tage|jours|giorni|dagen|uteis)\b|期間|工期|工数|日数|продолжительн|длительн|дней/ },
  { field: 'owner', test: /\b(owners?|assigned|assignees?|asignad[oa]|atribuid[oa]|assegnat[oa]|zugewiesen|assigne|toegewezen|resources?|responsible|who|verantwortlich\w*|zustandig|ressources?|responsables?|responsavel|responsabile|verantwoordelijke|eigenaar)\b|担当|负责|負責|リソース|资源/ },
  { field: 'status', test: /^(task )?(status|state|rag|etat|estado|stato|situacao)$|状態|ステータス|状态/ },
  { field: 'notes', test: /\b(notes?|comments?|remarks?|bemerkung\w*|kommentar\w*|commentaires?|observac\w*|comentarios?|opmerking\w*)\b|備考|メモ|备注|注释/ },
  { field: 'milestone', test: /\b(milestones?|meilenstein|jalon|hito|mijlpaal)\b|マイルストーン|里程碑/ },
  { field: 'name', test: /\b(tasks?|activit\w*|names?|titles?|deliverables?|descriptions?|work items?|items?|steps?|vorgang\w*|aufgabe\w*|tatigkeit\w*|taches?|tareas?|actividad\w*|tarefas?|atividades?|attivita|taak\w*|naam|\w*aktivi\w*|teilaufgabe\w*|subtasks?)\b|タスク|作業|項目|任务|任務|活动|模块|задач|этап|назван|наименован|работ/ },
];

/** Words that make a date heading baseline, actual or forecast; and the words of start and of finish. */
export const DATE_WORDS = {
  baseline: /\b(baseline|bl|planned|plan|original|target|geplant\w*|basisplan\w*|soll|planifie\w*|prevu\w*|previst[oa]|planificad[oa]|planejad[oa]|pianificat[oa]|linha de base|basislijn\w*|geplande)\b|基準|予定|計画|计划|計劃|比较基准/,
  actual: /\b(actual|act|ist|tatsachlich\w*|aktuell\w*|reel\w*|real|effettiv[oa]|werkelijk\w*)\b|実績|实际|實際/,
  start: /\b(start\w*|begin\w*|anfang\w*|beginn|debut|inicio|comienzo|inizio)\b|開始|开始|着手|начал/,
  finish: /\b(finish\w*|end|ends|ending|due|deadline|ende|fin|termino|fim|fine|eind\w*|einde|completion|completed|fertigstellung|fallig\w*|echeance|vencimiento|scadenza|prazo)\b|終了|完了|结束|完成|截止|期限|期日|結束|оконч|заверш|срок/,
};

/** Group words of a two-row heading ("Planned | Actual" above "Start | Finish"). */
export const GROUP_WORDS: { kind: 'baseline' | 'actual' | 'forecast'; test: RegExp }[] = [
  { kind: 'baseline', test: DATE_WORDS.baseline },
  { kind: 'actual', test: DATE_WORDS.actual },
  { kind: 'forecast', test: /\b(forecast|current|estimated|projected|revised|prognose|prevision|pronostico|previsao|previsione|prognose)\b|見込|予測|预测/ },
];

/** Headings that are outline levels, summary flags and the like: exact only, never by keyword. */
export type RiskField = 'id' | 'title' | 'probability' | 'impact' | 'costImpact' | 'scheduleImpact' | 'owner' | 'status' | 'task' | 'mitigation' | 'project';

export const RISK_HEADERS: Record<RiskField, string[]> = {
  id: ['ID', 'Risk ID', '#', 'No', 'Ref', 'Risk No', 'Risk #', 'Nr', 'N°', '番号', '编号'],
  title: [
    'Risk', 'Title', 'Description', 'Risk Title', 'Risk Description', 'Risk Name', 'Risk Event', 'Risiko', 'Risikobeschreibung',
    'Beschreibung', 'Risque', 'Description du risque', 'Riesgo', 'Descripción', 'Descripción del riesgo', 'Risco', 'Descrição',
    'Rischio', 'Descrizione', 'Risico', 'Omschrijving', 'リスク', 'リスク内容', '风险', '风险描述', '風險',
  ],
  probability: [
    'Probability', 'Likelihood', 'Prob', 'Probability %', 'Chance', 'Wahrscheinlichkeit', 'Eintrittswahrscheinlichkeit',
    'Probabilité', 'Probabilidad', 'Probabilidade', 'Probabilità', 'Waarschijnlijkheid', 'Kans', '発生確率', '確率', '可能性',
    '概率', '发生概率', '機率',
  ],
  impact: ['Impact', 'Severity', 'Impact Level', 'Impact (1-5)', 'Auswirkung', 'Schadensausmaß', 'Tragweite', 'Impacto', 'Gravité', 'Impatto', 'Gevolg', '影響', '影響度', '影响', '影響程度'],
  costImpact: ['Cost Impact', 'Financial Impact', 'Cost Exposure', 'Cost', 'Kostenauswirkung', 'Impact financier', 'Impacto en costo', 'Impacto financeiro', '費用影響', '成本影响'],
  scheduleImpact: ['Schedule Impact', 'Schedule Impact Days', 'Schedule Impact (days)', 'Delay', 'Delay Days', 'Days', 'Verzögerung', 'Retard', 'Retraso', 'Atraso', 'Ritardo', '遅延', '延误'],
  owner: ['Owner', 'Risk Owner', 'Verantwortlich', 'Propriétaire', 'Responsable', 'Responsável', 'Responsabile', 'Eigenaar', '担当者', '负责人'],
  status: ['Status', 'Risk Status', 'State', 'Statut', 'Estado', 'Stato', '状態', '状态'],
  task: ['Task', 'Task ID', 'Affected Task', 'Affects Task', 'Linked Task', 'Vorgang', 'Tâche', 'Tarea', 'Tarefa', 'タスク', '任务'],
  mitigation: ['Mitigation', 'Mitigation Plan', 'Response', 'Response Plan', 'Action', 'Maßnahme', 'Maßnahmen', 'Gegenmaßnahme', 'Atténuation', 'Mitigación', 'Mitigação', 'Mitigazione', '対策', '对策', '应对措施'],
  project: ['Project', 'Project ID', 'Project Name', 'Projekt', 'Projet', 'Proyecto', 'Projeto', 'Progetto', 'プロジェクト', '项目'],
};

export type RaidField = 'type' | 'id' | 'title' | 'owner' | 'raised' | 'due' | 'status' | 'project';

/**
 * Issues, actions and decisions logs. A log is recognised by a Type column or by a title heading that names
 * the kind ("Issue", "Action Item", "Decision"): see RAID_KIND_TITLES.
 */
export const RAID_HEADERS: Record<RaidField, string[]> = {
  type: ['Type', 'Item Type', 'RAID Type', 'Category', 'Kind', 'Typ', 'Art', 'Tipo', 'Soort', '種別', '类型'],
  id: ['ID', 'Ref', '#', 'No', 'Item ID', 'Issue ID', 'Action ID', 'Decision ID', 'Log ID', 'Nr', 'N°', '番号', '编号'],
  title: [
    'Description', 'Title', 'Item', 'Summary', 'Issue', 'Issue Description', 'Action', 'Action Item', 'Decision', 'Decision Description',
    'Beschreibung', 'Titel', 'Thema', 'Problem', 'Maßnahme', 'Entscheidung', 'Titre', 'Problème', 'Décision', 'Descripción', 'Título',
    'Problema', 'Acción', 'Decisión', 'Descrição', 'Ação', 'Decisão', 'Descrizione', 'Titolo', 'Azione', 'Decisione', 'Omschrijving',
    '課題', '内容', '问题', '描述',
  ],
  owner: ['Owner', 'Assigned To', 'Action Owner', 'Responsible', 'Verantwortlich', 'Propriétaire', 'Responsable', 'Responsável', 'Responsabile', 'Eigenaar', '担当者', '负责人'],
  raised: ['Raised', 'Date Raised', 'Raised On', 'Opened', 'Date Opened', 'Logged', 'Date Logged', 'Created', 'Erfasst', 'Erstellt', 'Date de création', 'Fecha', 'Fecha de alta', 'Data', 'Aperto il', '起票日', '登记日期'],
  due: ['Due', 'Due Date', 'Target Date', 'Needed By', 'Need By', 'Resolve By', 'Fällig', 'Fälligkeit', 'Termin', 'Échéance', 'Fecha límite', 'Vencimento', 'Prazo', 'Scadenza', 'Deadline', '期限', '截止日期'],
  status: ['Status', 'State', 'Statut', 'Estado', 'Stato', '状態', '状态'],
  project: ['Project', 'Project ID', 'Project Name', 'Projekt', 'Projet', 'Proyecto', 'Projeto', 'Progetto', 'プロジェクト', '项目'],
};

/** Title headings that name the log's kind, for logs without a Type column. */
export const RAID_KIND_TITLES: Record<'issue' | 'action' | 'decision', string[]> = {
  issue: ['Issue', 'Issue Description', 'Problem', 'Problème', 'Problema', '課題', '问题'],
  action: ['Action', 'Action Item', 'Maßnahme', 'Acción', 'Ação', 'Azione'],
  decision: ['Decision', 'Decision Description', 'Entscheidung', 'Décision', 'Decisión', 'Decisão', 'Decisione'],
};

/** A task named like this whose start is its finish is a milestone even without a flag column ("MILESTONE: HANDOVER"). */
export const MILESTONE_NAME = /^\s*(milestones?|meilenstein|jalon|hito|marco|mijlpaal|マイルストーン|里程碑)\b|^\s*[◆♦◇]/i;

/** Names that end a task table: a totals block below it is not tasks. */
export const TOTAL_LABELS = [
  'Total', 'Totals', 'Grand Total', 'Sum', 'Summary Counts', 'Summary', 'Subtotal', 'Gesamt', 'Summe', 'Insgesamt', 'Total général',
  'Totaal', 'Totale', '合計', '総計', '总计', '合计',
];

/** Words of a group title row that names a project in a tracker ("Project: Apollo", "Projekt Apollo"). */
export const PROJECT_TITLE = /^(?:project|projekt|projet|proyecto|projeto|progetto|プロジェクト|项目)\s*[:\-–—]?\s*(.+)$/i;
