-- District budgets in the "you said, we did" report (issue 22): the budget a recommendation comes from, by its code
-- (NULL: the city-wide budget, as every existing recommendation). Each district budget's winners become
-- recommendations of their own, answered one by one and reported in that budget's section.
ALTER TABLE recommendation ADD COLUMN budget_code VARCHAR(20);
