export * from './assessment-release.handlers';
export * from './assessments.dto';
export * from './assessments.service';
export * from './intel.module';
export * from './released-assessment.repository';
export * from './released-assessments.store';
